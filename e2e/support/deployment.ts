/**
 * The studio a browser spec runs against. By default one production server on its own DATA_DIR
 * (SQLite, local disk, the embedded worker), as `npm test` runs it. With DAILIES_TEST_SCALE=1
 * (`npm run test:scale` sets it, next to a throwaway Postgres) it is a deployment at scale
 * (scaled-deployment.ts): two WORKER=off web servers and two worker processes on one Postgres
 * database and one S3 bucket behind a round-robin proxy, so a spec's consecutive requests
 * alternate between the two web servers and its jobs run on either worker.
 */
import { type App, type Server, startServer, withOwner } from "./app-server";
import { startScaledDeployment } from "./scaled-deployment";
import { testPostgresUrl } from "./test-postgres";

export interface DeploymentOptions {
  env?: Record<string, string>;
  /** PUBLIC_URL is the studio's own URL (the proxy's, at scale), so providers' webhooks reach it. */
  publicUrl?: boolean;
}

/** Whether this run puts browser specs on the scaled deployment (test harness, not the app: it reads lib/env.ts). */
export function scaleMode(): boolean {
  if (process.env.DAILIES_TEST_SCALE !== "1") return false;
  if (!testPostgresUrl()) throw new Error("DAILIES_TEST_SCALE=1 needs a test Postgres: run through `npm run test:scale`.");
  return true;
}

/** Starts the studio; its `dataDir` is the first web server's (seeding and stored-file helpers find the database and bucket from it). */
export async function startDeployment(opts: DeploymentOptions = {}): Promise<Server> {
  if (!scaleMode()) return startServer({ publicUrl: opts.publicUrl, env: opts.env });
  return (await startScaledDeployment({ ...opts, workerStartTimeoutMs: 90_000 })).studio;
}

/** The studio plus its owner with an API token, as startApp (app-server) gives for one server. */
export async function startDeploymentApp(opts: DeploymentOptions = {}): Promise<App> {
  return withOwner(await startDeployment(opts));
}
