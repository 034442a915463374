/** Starts the model list refresh and the embedded worker once per Node.js server process. */
const FIRST_REFRESH_WAIT_MS = 5000;

export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { startCatalogRefresh } = await import("./lib/providers/catalog-refresh");
  // Providers' own model lists: awaited briefly, so a fresh studio's first page lists them, but a slow provider never holds up the start.
  await Promise.race([startCatalogRefresh(), new Promise((resolve) => setTimeout(resolve, FIRST_REFRESH_WAIT_MS).unref())]);
  if (env().WORKER === "off") return;
  const { startWorker } = await import("./lib/worker");
  await startWorker();
}
