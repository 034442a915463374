/**
 * Opens (and migrates) the database, loads the provider settings saved in Settings → Providers,
 * then starts the embedded worker, once per Node.js server process, and stops it gracefully with the server.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  // At start, so an unreachable database or a failed migration stops the server with its reason.
  const { db } = await import("./lib/db/client");
  const { startProviderSettings } = await import("./lib/provider-settings/cache");
  await startProviderSettings(await db());
  if (env().WORKER === "off") return;
  const { startWorker, stopWorker } = await import("./lib/worker");
  const { runBeforeNextExits } = await import("./lib/worker/graceful-stop");
  await startWorker();
  runBeforeNextExits(stopWorker);
}
