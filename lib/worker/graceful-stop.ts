import "server-only";

/**
 * SIGTERM or SIGINT in the web server: `stop` runs first (the embedded worker finishes its steps and
 * hands its local renders back), then Next.js's own handlers close the server and exit. Next.js
 * installs those before it loads instrumentation.ts, so they are taken off here and called after;
 * while `stop` runs the server keeps answering, so a render finishing in the grace time can still
 * report to its own webhook route. A second signal skips the wait.
 */
export function runBeforeNextExits(stop: () => Promise<void>): void {
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
      console.log(`[worker] ${signal}: finishing current steps, handing back local renders`);
      void stop()
        .catch((err: unknown) => console.error("[worker] graceful stop failed", err))
        .finally(exit);
    });
  }
}
