/** Small shared pieces of the benchmark: timing, child processes, loopback file servers, cleanup. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Measurement {
  id: string;
  name: string;
  value: number | null;
  unit: string;
  target: string;
  pass: boolean;
  /** Supporting numbers: samples, baselines, binaries. */
  details: Record<string, unknown>;
  error?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Cleanup steps run once at the end (or on Ctrl-C), last registered first. */
const cleanups: Array<() => Promise<void> | void> = [];

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.warn("[bench] cleanup step failed:", err);
    }
  }
}

/** Runs a command to completion (no shell); rejects with its stderr tail on a non-zero exit. */
export function run(cmd: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : null;
    child.on("error", reject);
    child.on("close", (code, sig) => {
      if (timer) clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.slice(0, 6).join(" ")}… failed (${sig ?? code}): ${err.trim()}`));
    });
  });
}

interface FileServer {
  url: string;
  close(): Promise<void>;
}

/** A loopback stand-in for a provider's CDN: GET /out.mp4 streams the file, anything else is 404. */
export async function serveFile(file: string): Promise<FileServer> {
  const size = fs.statSync(file).size;
  const server = http.createServer((req, res) => {
    if (req.url !== "/out.mp4") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"not found"}');
      return;
    }
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(size) });
    if (req.method === "HEAD") return void res.end();
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/out.mp4`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Downloads url with node:http, reading and discarding the whole body; resolves with its byte count. */
export function download(url: string, agent: http.Agent, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url} answered ${res.statusCode}`));
        return;
      }
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve(bytes));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
