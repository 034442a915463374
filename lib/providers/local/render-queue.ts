import "server-only";
import { db } from "../../db/client";
import { markLocalRenderStarted, updateLocalRender } from "../../db/queries/local-renders";
import { providerSettings } from "../kit/settings";
import { localConfig } from "./config";

/**
 * The local renders this process runs, and how many at once (LOCAL_RENDER_CONCURRENCY; the rest
 * wait in order). Each holds a claim in its record (render-claim.ts) that the heartbeat keeps
 * alive (render-heartbeat.ts), so other workers know it is taken; a claim lost to another process,
 * or a cancel from another process, stops the render here. Kept on globalThis because Next.js may
 * load this module in more than one bundle of the same process, and there must be one queue.
 */
export interface RenderTask {
  /** The render itself; must settle (not throw) and stop soon after `signal` aborts with a RenderStop. */
  run(signal: AbortSignal): Promise<void>;
  /** Called instead of run when the render is canceled before it started. */
  drop(): Promise<void>;
  /** Called instead of run when the render leaves this process before it started (handed back, or taken over): removes what it had here. */
  leave(): Promise<void>;
}

/** Why a render was stopped: a cancel, a graceful shutdown handing it back, or a claim lost to another process. */
export class RenderStop extends Error {
  constructor(readonly why: "cancel" | "handback" | "lost") {
    super(`render stopped: ${why}`);
    this.name = "AbortError";
  }
}

interface Entry {
  task: RenderTask;
  attempt: number;
  controller: AbortController;
  running: boolean;
  done: Promise<void>;
  settle: () => void;
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

/** Queues a render whose claim `attempt` this process holds. */
export function enqueueRender(id: string, attempt: number, task: RenderTask): void {
  const reg = registry();
  if (reg.entries.has(id)) throw new Error(`Render ${id} is already queued.`);
  let settle = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const entry: Entry = { task, attempt, controller: new AbortController(), running: false, done, settle };
  reg.entries.set(id, entry);
  reg.waiting.push(id);
  pump();
}

/** True while this process has the render queued or running. */
export function ownsRender(id: string): boolean {
  return registry().entries.has(id);
}

/** Every render this process has queued or running. */
export function ownedRenders(): string[] {
  return [...registry().entries.keys()];
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
    if (why === "handback") await handBack(id, entry.attempt);
    if (why !== "cancel") await entry.task.leave().catch((err: unknown) => console.error(`[local] removing render ${id}'s files failed`, err));
    entry.settle();
  }
  await entry.done;
  return true;
}

/** From now on no render starts here and none is taken over; what still ends here is handed back (run-render.ts). */
export function beginStopping(): void {
  registry().stopping = true;
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

/**
 * Hands claim `attempt` back: the render waits, unowned, for the next worker that polls it, which
 * starts it at once (nothing is written when the claim is no longer the current one).
 */
export async function handBack(id: string, attempt: number): Promise<void> {
  await updateLocalRender(
    await db(),
    id,
    { status: "queued", progress: 0, etaSeconds: null, message: "Waiting to start again after a restart.", errorCode: null, owner: null },
    Date.now(),
    attempt,
  ).catch((err: unknown) => console.warn(`[local] could not hand render ${id} back`, err));
}

function forget(id: string, entry: Entry): void {
  const reg = registry();
  reg.waiting = reg.waiting.filter((w) => w !== id);
  if (reg.entries.get(id) === entry) reg.entries.delete(id);
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
    void db()
      .then((d) => markLocalRenderStarted(d, id, entry.attempt, Date.now()))
      // Not started when the claim was lost or the render ended elsewhere (canceled) while it waited.
      .then((current) => (current ? entry.task.run(entry.controller.signal) : entry.task.leave()))
      .catch((err: unknown) => console.error(`[local] render ${id} crashed`, err))
      .finally(() => {
        reg.running -= 1;
        forget(id, entry);
        entry.settle();
        pump();
      });
  }
}
