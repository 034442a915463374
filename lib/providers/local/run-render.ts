import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { logger } from "../../log/logger";
import { renderLocal } from "../../media/render-local";
import { FfmpegError, isAbortError } from "../../media/run-ffmpeg";
import { storage } from "../../storage";
import { keys } from "../../storage/keys";
import type { ErrorCode } from "../types";
import { me } from "./render-claim";
import { handBack, isStopping, RenderStop } from "./render-queue";
import { OUTPUT_FILE, readRender, throttledStateWriter, type RenderStateInput } from "./render-state";
import { sendLocalWebhook } from "./webhook";

const log = logger("local");

export interface RenderParams {
  id: string;
  dir: string;
  /** The claim this run holds (render-claim.ts): its output is only kept while the claim is still current. */
  attempt: number;
  webhookUrl: string;
  prompt: string;
  imageFile: string | null;
  durationSeconds: number;
  fps: number;
  width: number;
  height: number;
  seed: number;
}

// Loopback POSTs are cheap; four a second keeps the progress bar smooth.
const PROGRESS_WEBHOOK_GAP_MS = 250;

/**
 * One render from start to end: its record and signed webhooks follow ffmpeg's progress, the
 * finished file goes into storage (so any worker can save it), then the final state. Never
 * throws; the scratch folder is removed, then every outcome is written down and reported (so a
 * render that says it ended has nothing left on this disk, and a crash in between leaves a
 * render that is not yet final, which the next poll starts again). A render
 * handed back (graceful stop) goes back to "queued", unowned, for its next owner, and one whose
 * claim was lost to another process stops without a word: the other process reports it now.
 */
export async function runRender(p: RenderParams, signal: AbortSignal): Promise<void> {
  const reporter = createReporter(p);
  const startedAt = Date.now();
  await reporter.report({ status: "running", progress: 0, etaSeconds: null, message: "Rendering on this machine.", errorCode: null }, "start");
  const outFile = path.join(p.dir, OUTPUT_FILE);
  let final: RenderStateInput | null = null;
  try {
    await renderLocal({
      outFile,
      durationSeconds: p.durationSeconds,
      fps: p.fps,
      width: p.width,
      height: p.height,
      prompt: p.prompt,
      imageFile: p.imageFile ?? undefined,
      seed: p.seed,
      signal,
      onProgress: (fraction) => {
        const elapsed = (Date.now() - startedAt) / 1000;
        const etaSeconds = fraction >= 0.02 ? Math.max(0, Math.round((elapsed * (1 - fraction)) / fraction)) : null;
        // 1 is kept for "done and saved": the rename has not happened yet.
        const progress = Math.min(0.99, fraction);
        void reporter.report({ status: "running", progress, etaSeconds, message: "Rendering on this machine.", errorCode: null }, "progress");
      },
    });
    // Only the current claim's video is kept: a render taken over meanwhile is the new owner's to report.
    const now = await readRender(p.id);
    if (!now || now.row.attempt !== p.attempt || now.row.owner !== me()) return await reporter.settle();
    await storage().putFile(keys.render(p.id), outFile);
    final = { status: "succeeded", progress: 1, etaSeconds: 0, message: null, errorCode: null };
  } catch (err) {
    // A shutdown signals the whole process group (systemd, `kill -- -pid`), so ffmpeg may die of the
    // same SIGTERM before we abort it, even before this process has handled its own: while this
    // process stops, or when ffmpeg was killed by a signal nobody here sent, the render goes back.
    const interrupted = isStopping() || (err instanceof FfmpegError && err.signalled);
    const stop = signal.reason instanceof RenderStop ? signal.reason.why : interrupted ? "handback" : null;
    if (stop === "lost") return reporter.settle();
    if (stop === "handback") {
      await reporter.settle();
      await handBack(p.id, p.attempt);
    } else if (isAbortError(err)) {
      final = { status: "canceled", progress: 0, etaSeconds: null, message: "The render was canceled.", errorCode: null };
    } else {
      const { errorCode, message } = describeFailure(err, p);
      final = { status: "failed", progress: 0, etaSeconds: null, message, errorCode };
    }
  } finally {
    await removeScratch(p);
  }
  if (final) await reporter.report(final, "final");
}

/**
 * This attempt's scratch folder (each attempt has its own, so one that lost its claim cannot touch
 * the next one's), and the render's folder once empty. Never throws: a folder it could not remove
 * is the sweep's (sweep.ts).
 */
export async function removeScratch(p: Pick<RenderParams, "dir">): Promise<void> {
  await fsp.rm(p.dir, { recursive: true, force: true }).catch((err) => log.warn("could not remove a render's scratch folder; the sweep will", { dir: p.dir, err }));
  await fsp.rmdir(path.dirname(p.dir)).catch(() => undefined);
}

/** For a render canceled while it still waited for a slot. */
export async function reportCanceledBeforeStart(p: RenderParams): Promise<void> {
  await removeScratch(p);
  await createReporter(p).report({ status: "canceled", progress: 0, etaSeconds: null, message: "The render was canceled before it started.", errorCode: null }, "final");
}

/**
 * Progress goes to the render's record (throttled there) and, at most four times a second, to the webhook;
 * a progress POST still in flight is not doubled. Final states are always sent, after it.
 */
function createReporter(p: RenderParams) {
  const writer = throttledStateWriter(p.id, p.attempt);
  let lastSentAt = 0;
  let inFlight: Promise<boolean> | null = null;
  let lastProgress = 0;

  const send = (state: RenderStateInput) => {
    lastSentAt = Date.now();
    const delivery = sendLocalWebhook(p.webhookUrl, { renderId: p.id, ...state }).finally(() => {
      if (inFlight === delivery) inFlight = null;
    });
    inFlight = delivery;
    return delivery;
  };

  return {
    /** Waits for state writes and webhooks still in flight (before handing the render back). */
    async settle(): Promise<void> {
      await writer.flush();
      await inFlight;
    },
    /** "start" and "final" are written at once; only "final" waits for its webhook. */
    async report(state: RenderStateInput, kind: "start" | "progress" | "final"): Promise<void> {
      if (kind === "progress") {
        if (state.progress <= lastProgress) return;
        lastProgress = state.progress;
        void writer.set(state);
        if (!inFlight && Date.now() - lastSentAt >= PROGRESS_WEBHOOK_GAP_MS) void send(state);
        return;
      }
      await writer.set(state, true);
      if (kind === "start") {
        void send(state);
        return;
      }
      await inFlight;
      await send(state);
    },
  };
}

function describeFailure(err: unknown, p: RenderParams): { errorCode: ErrorCode; message: string } {
  // In image mode input 0 is the still: ffmpeg names it by path or as stream 0:0.
  const imageUnreadable =
    err instanceof FfmpegError && p.imageFile && (err.stderr.includes(path.basename(p.imageFile)) || /stream #?0:0\b/.test(err.stderr));
  if (imageUnreadable) {
    return { errorCode: "invalid_input", message: "ffmpeg could not read the input image. Try a different PNG, JPEG or WebP." };
  }
  console.error(`[local] render ${p.id} failed`, err);
  const detail = err instanceof Error ? err.message.slice(0, 300) : String(err);
  return { errorCode: "internal", message: `The local render failed: ${detail}` };
}
