import "server-only";
import { providerSettings } from "../kit/settings";
import { localConfig } from "./config";

/**
 * Which local renders this process owns, and how many run at once
 * (LOCAL_RENDER_CONCURRENCY; the rest wait in order). Kept on globalThis because Next.js
 * may load this module in more than one bundle of the same process, and there must be
 * one queue and one answer to "is anyone rendering this?".
 */
export interface RenderTask {
  /** The render itself; must settle (not throw) and stop soon after `signal` aborts. */
  run(signal: AbortSignal): Promise<void>;
  /** Called instead of run when the render is canceled before it started. */
  drop(): Promise<void>;
}

interface Entry {
  task: RenderTask;
  controller: AbortController;
  running: boolean;
  done: Promise<void>;
  settle: () => void;
}

interface Registry {
  entries: Map<string, Entry>;
  waiting: string[];
  running: number;
}

const KEY = Symbol.for("dailies.local-render-queue");

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  g[KEY] ??= { entries: new Map(), waiting: [], running: 0 };
  return g[KEY];
}

export function enqueueRender(id: string, task: RenderTask): void {
  const reg = registry();
  if (reg.entries.has(id)) throw new Error(`Render ${id} is already queued.`);
  let settle = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  reg.entries.set(id, { task, controller: new AbortController(), running: false, done, settle });
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
 * Stops a render this process owns: a waiting one is dropped, a running one is aborted
 * (ffmpeg killed). Resolves when it has settled; false when this process does not own it.
 */
export async function stopRender(id: string): Promise<boolean> {
  const reg = registry();
  const entry = reg.entries.get(id);
  if (!entry) return false;
  if (entry.running) {
    entry.controller.abort();
  } else {
    reg.waiting = reg.waiting.filter((w) => w !== id);
    reg.entries.delete(id);
    await entry.task.drop().catch((err: unknown) => console.error(`[local] dropping render ${id} failed`, err));
    entry.settle();
  }
  await entry.done;
  return true;
}

function pump(): void {
  const reg = registry();
  const limit = providerSettings(localConfig).LOCAL_RENDER_CONCURRENCY;
  while (reg.running < limit && reg.waiting.length > 0) {
    const id = reg.waiting.shift()!;
    const entry = reg.entries.get(id);
    if (!entry) continue;
    entry.running = true;
    reg.running += 1;
    void entry.task
      .run(entry.controller.signal)
      .catch((err: unknown) => console.error(`[local] render ${id} crashed`, err))
      .finally(() => {
        reg.running -= 1;
        reg.entries.delete(id);
        entry.settle();
        pump();
      });
  }
}
