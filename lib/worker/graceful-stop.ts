import "server-only";

const ENTRY = Symbol.for("dailies.server-entry");
const BEFORE_EXIT = Symbol.for("dailies.before-exit");
type Holder = typeof globalThis & { [ENTRY]?: unknown; [BEFORE_EXIT]?: () => Promise<void> };

/**
 * SIGTERM or SIGINT in the web server: `stop` runs first (the embedded worker finishes its steps and
 * hands its local renders back), then the server closes and exits; while `stop` runs the server keeps
 * answering, so a render finishing in the grace time can still report to its own webhook route.
 * - Under `npm start` (scripts/start.mjs) the entry calls `stop` from its own signal handler.
 * - Under plain `next start`, Next.js installs its handlers (which close and exit) before it loads
 *   instrumentation.ts: they are taken off here and called once `stop` is done. A second signal skips the wait.
 */
export function runBeforeNextExits(stopWorker: () => Promise<void>): void {
  const stop = () => {
    console.log("[worker] stopping: finishing current steps, handing back local renders");
    return stopWorker();
  };
  const holder = globalThis as Holder;
  if (holder[ENTRY]) {
    holder[BEFORE_EXIT] = stop;
    return;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const theirs = process.listeners(signal) as Array<(s: NodeJS.Signals) => void>;
    // Without Next's handlers (NEXT_MANUAL_SIG_HANDLE) whoever handles signals decides when to exit.
    if (theirs.length === 0) {
      process.once(signal, () => void stop());
      continue;
    }
    process.removeAllListeners(signal);
    let stopping = false;
    const exit = () => theirs.forEach((listener) => listener(signal));
    process.on(signal, () => {
      if (stopping) return exit();
      stopping = true;
      void stop()
        .catch((err: unknown) => console.error("[worker] graceful stop failed", err))
        .finally(exit);
    });
  }
}
