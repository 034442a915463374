/** Starts the embedded worker once per Node.js server process, and stops it gracefully with the server. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (env().WORKER === "off") return;
  const { startWorker, stopWorker } = await import("./lib/worker");
  const { runBeforeNextExits } = await import("./lib/worker/graceful-stop");
  await startWorker();
  runBeforeNextExits(stopWorker);
}
