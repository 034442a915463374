/**
 * Opens (and migrates) the database, loads the provider settings saved in Settings → Providers,
 * joins the job events between processes, starts the model list refresh, then the embedded
 * worker, once per Node.js server process, and stops it gracefully with the server.
 */
const FIRST_REFRESH_WAIT_MS = 5000;

export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  // At start, so an unreachable database or a failed migration stops the server with its reason.
  const { db } = await import("./lib/db/client");
  const { startProviderSettings } = await import("./lib/provider-settings/cache");
  await startProviderSettings(await db());
  const { startJobBus } = await import("./lib/jobs/live/bus");
  await startJobBus();
  const { startCatalogRefresh } = await import("./lib/providers/catalog-refresh");
  // Providers' own model lists: awaited briefly, so a fresh studio's first page lists them, but a slow provider never holds up the start.
  await Promise.race([startCatalogRefresh(), new Promise((resolve) => setTimeout(resolve, FIRST_REFRESH_WAIT_MS).unref())]);
  if (env().WORKER === "off") return;
  const { startWorker, stopWorker } = await import("./lib/worker");
  const { runBeforeNextExits } = await import("./lib/worker/graceful-stop");
  await startWorker();
  runBeforeNextExits(stopWorker);
}
