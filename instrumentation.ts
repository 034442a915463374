/** Starts the embedded worker once per Node.js server process. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, not configuration, so it is read here rather than in lib/env.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  // Keys saved in Settings → Providers, before the first request asks which providers are set up.
  const [{ db }, { refreshSavedSettings }] = await Promise.all([import("./lib/db/client"), import("./lib/providers/saved-settings")]);
  await refreshSavedSettings(await db());
  if (env().WORKER === "off") return;
  const { startWorker } = await import("./lib/worker");
  await startWorker();
}
