import "server-only";
import fs from "node:fs";
import path from "node:path";
import { providerSettings } from "../kit/settings";
import { localConfig } from "./config";
import { BEAT_EVERY_MS, beat, markStarted, releaseClaim } from "./render-claim";

/**
 * The local renders this process runs, and how many at once (LOCAL_RENDER_CONCURRENCY; the rest
 * wait in order). Each holds an on-disk claim (render-claim.ts) that the queue keeps beating, so
 * other processes of the studio know it is taken; a claim lost to another process, or a cancel
 * asked for by another process, stops the render here. Kept on globalThis because Next.js may load
 * this module in more than one bundle of the same process, and there must be one queue.
 */
export interface RenderTask {
  /** The render itself; must settle (not throw) and stop soon after `signal` aborts with a RenderStop. */
  run(signal: AbortSignal): Promise<void>;
  /** Called instead of run when the render is canceled before it started. */
  drop(): Promise<void>;
}

/** Why a render was stopped: a cancel, a graceful shutdown handing it back, or a claim lost to another process. */
export class RenderStop extends Error {
  constructor(readonly why: "cancel" | "handback" | "lost") {
    super(`render stopped: ${why}`);
    this.name = "AbortError";
  }
}

/** File another process writes into a render's folder to ask its owner to cancel it. */
export const CANCEL_REQUEST_FILE = "cancel-requested";

interface Entry {
  task: RenderTask;
  dir: string;
  attempt: number;
  controller: AbortController;
  running: boolean;
  done: Promise<void>;
  settle: () => void;
  beat: NodeJS.Timeout;
}

interface Registry {
  entries: Map<string, Entry>;
  waiting: string[];
  running: number;
  stopping: boolean;
}

const KEY = Symbol.for("dailies.local-render-queue");

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  g[KEY] ??= { entries: new Map(), waiting: [], running: 0, stopping: false };
  return g[KEY];
}

/** True once this process is shutting down: it starts no render, and takes none over. */
export function isStopping(): boolean {
  return registry().stopping;
}

/** Queues a render whose claim (`attempt`, in `dir`) this process holds. */
export function enqueueRender(id: string, claim: { dir: string; attempt: number }, task: RenderTask): void {
  const reg = registry();
  if (reg.entries.has(id)) throw new Error(`Render ${id} is already queued.`);
  let settle = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const entry: Entry = { task, ...claim, controller: new AbortController(), running: false, done, settle, beat: setInterval(() => void keepClaim(id), BEAT_EVERY_MS) };
  entry.beat.unref();
  reg.entries.set(id, entry);
  reg.waiting.push(id);
  pump();
}

/** True while this process has the render queued or running. */
export function ownsRender(id: string): boolean {
  return registry().entries.has(id);
}

/**
 * Stops a render this process owns: a waiting one is dropped (and, for a cancel, reported as
 * canceled), a running one is aborted (ffmpeg killed). Resolves when it has settled; false when
 * this process does not own it.
 */
export async function stopRender(id: string, why: RenderStop["why"] = "cancel"): Promise<boolean> {
  const reg = registry();
  const entry = reg.entries.get(id);
  if (!entry) return false;
  if (entry.running) {
    entry.controller.abort(new RenderStop(why));
  } else {
    forget(id, entry);
    if (why === "cancel") await entry.task.drop().catch((err: unknown) => console.error(`[local] dropping render ${id} failed`, err));
    if (why === "handback") await releaseClaim(entry.dir, entry.attempt);
    entry.settle();
  }
  await entry.done;
  return true;
}

/**
 * A graceful stop: no new render starts here, waiting ones are handed back at once, running ones
 * get `graceMs` to finish and are then handed back too (their next owner starts them over).
 */
export async function stopAllRenders(graceMs: number): Promise<void> {
  const reg = registry();
  reg.stopping = true;
  for (const id of [...reg.waiting]) await stopRender(id, "handback");
  const running = [...reg.entries.values()];
  const finished = Promise.all(running.map((e) => e.done));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
  if ((await Promise.race([finished, late])) === "late") await Promise.all([...reg.entries.keys()].map((id) => stopRender(id, "handback")));
  clearTimeout(timer);
}

function forget(id: string, entry: Entry): void {
  const reg = registry();
  clearInterval(entry.beat);
  reg.waiting = reg.waiting.filter((w) => w !== id);
  reg.entries.delete(id);
}

/** Every few seconds: renew the claim, and stop if it was lost or another process asked for a cancel. */
async function keepClaim(id: string): Promise<void> {
  const entry = registry().entries.get(id);
  if (!entry) return;
  if (!(await beat(entry.dir, entry.attempt))) {
    console.warn(`[local] render ${id} is no longer ours (taken over, or its files are gone); stopping it here`);
    await stopRender(id, "lost");
    return;
  }
  if (fs.existsSync(path.join(entry.dir, CANCEL_REQUEST_FILE))) await stopRender(id, "cancel");
}

function pump(): void {
  const reg = registry();
  const limit = providerSettings(localConfig).LOCAL_RENDER_CONCURRENCY;
  while (!reg.stopping && reg.running < limit && reg.waiting.length > 0) {
    const id = reg.waiting.shift()!;
    const entry = reg.entries.get(id);
    if (!entry) continue;
    entry.running = true;
    reg.running += 1;
    // Written down before ffmpeg starts: only renders that began count as tries (render-claim.ts).
    void markStarted(entry.dir, entry.attempt)
      .then(() => entry.task.run(entry.controller.signal))
      .catch((err: unknown) => console.error(`[local] render ${id} crashed`, err))
      .finally(() => {
        reg.running -= 1;
        forget(id, entry);
        entry.settle();
        pump();
      });
  }
}
