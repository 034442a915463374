import "server-only";
import { spawn } from "node:child_process";
import { ffmpegPath } from "./ffmpeg-path";

export class FfmpegError extends Error {
  /** The last lines ffmpeg wrote to stderr: what went wrong, in its words. */
  readonly stderr: string;
  /**
   * Stopped by a signal someone else sent (a service stop signals every process of the service),
   * not by anything in the input: the work can be done again by the next process.
   */
  readonly signalled: boolean;
  constructor(message: string, stderr: string, signalled = false) {
    super(stderr ? `${message}: ${stderr.split("\n").slice(-3).join(" | ")}` : message);
    this.name = "FfmpegError";
    this.stderr = stderr;
    this.signalled = signalled;
  }
}

/** The error a canceled run rejects with, like fetch does. */
export function abortError(reason?: unknown): DOMException {
  const err = new DOMException("The ffmpeg run was canceled.", "AbortError");
  if (reason !== undefined) Object.defineProperty(err, "cause", { value: reason });
  return err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === "AbortError";
}

export interface RunFfmpegOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Kills ffmpeg after this long; a stuck encode must not hold a render slot forever. */
  timeoutMs?: number;
  /** Length of the output, to turn `-progress` times into a fraction. */
  durationSeconds?: number;
  /** Called with a growing fraction 0..1; needs `-progress pipe:1` in args. */
  onProgress?: (fraction: number) => void;
  binary?: string;
}

const STDERR_KEEP = 4000;

/** Runs ffmpeg with args (no shell); resolves on exit 0. SIGKILL on abort or timeout. */
export function runFfmpeg(args: string[], opts: RunFfmpegOptions = {}): Promise<void> {
  const { signal, timeoutMs, durationSeconds, onProgress } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal.reason));
  return new Promise((resolve, reject) => {
    const child = spawn(/*turbopackIgnore: true*/ opts.binary ?? ffmpegPath(), args, {
      cwd: opts.cwd,
      stdio: ["ignore", onProgress ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    let settled = false;
    let lastFraction = 0;
    let pending = "";
    let killedFor: "abort" | "timeout" | null = null;

    const kill = (why: "abort" | "timeout") => {
      if (killedFor || child.exitCode !== null) return;
      killedFor = why;
      child.kill("SIGKILL");
    };
    const onAbort = () => kill("abort");
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = timeoutMs ? setTimeout(() => kill("timeout"), timeoutMs) : null;

    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (timer) clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };

    const report = (fraction: number) => {
      const f = Math.min(1, Math.max(0, fraction));
      if (f <= lastFraction) return;
      lastFraction = f;
      onProgress?.(f);
    };

    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const [key, value] = line.trim().split("=", 2);
        // out_time_ms is in microseconds too (a historical misnomer); old builds only print it.
        if ((key === "out_time_us" || key === "out_time_ms") && durationSeconds && value) {
          const us = Number(value);
          if (Number.isFinite(us)) report(us / 1e6 / durationSeconds);
        } else if (key === "progress" && value === "end") {
          report(1);
        }
      }
    });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });

    child.on("error", (err) => finish(new FfmpegError(`ffmpeg could not start (${err.message})`, "")));
    child.on("close", (code, sig) => {
      if (killedFor === "abort") return finish(abortError(signal?.reason));
      if (killedFor === "timeout") return finish(new FfmpegError(`ffmpeg took longer than ${Math.round((timeoutMs ?? 0) / 1000)} s`, tidy(stderr)));
      if (code === 0) return finish(null);
      // ffmpeg catches SIGTERM/SIGINT and exits 255 saying so; other signals end it outright.
      finish(new FfmpegError(`ffmpeg failed (${sig ?? `exit ${code}`})`, tidy(stderr), sig !== null || /received signal \d+/.test(stderr)));
    });
  });
}

// The npm static build prints fontconfig warnings about newer config files; they are noise.
function tidy(stderr: string): string {
  return stderr
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("Fontconfig warning"))
    .join("\n")
    .trim();
}
