/** Once per Node.js server process: loads saved provider keys and model lists, then starts the embedded worker. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  // Keys saved in Settings → Providers, before the first request asks which providers are set up.
  const [{ db }, { refreshSavedSettings }, { loadStoredCatalogs }] = await Promise.all([
    import("./lib/db/client"),
    import("./lib/providers/saved-settings"),
    import("./lib/providers/discovered-catalog"),
  ]);
  await refreshSavedSettings(await db());
  // The providers' last listed models, so the first page already offers them.
  await loadStoredCatalogs(await db());
  if (env().WORKER === "off") return;
  const { startWorker } = await import("./lib/worker");
  await startWorker();
}
