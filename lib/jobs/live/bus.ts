/**
 * Starts this process's share of the job events between processes: on Postgres, the NOTIFY
 * forwarder and the one LISTEN connection (pg-bus.ts); on SQLite nothing (live streams sweep the
 * database file, and a worker's own tick finds new jobs). Called once by the web server
 * (instrumentation.ts) and by `npm run worker`.
 */
import "server-only";
import { db } from "../../db/client";
import { env } from "../../env";
import { startPgBus, type PgBus } from "./pg-bus";

const holder = globalThis as typeof globalThis & { __dailiesJobBus?: Promise<PgBus | null> };

export function startJobBus(): Promise<PgBus | null> {
  holder.__dailiesJobBus ??= (async () => {
    const url = env().DATABASE_URL;
    return url ? startPgBus(await db(), url) : null;
  })().catch((err: unknown) => {
    holder.__dailiesJobBus = undefined;
    throw err;
  });
  return holder.__dailiesJobBus;
}

export async function stopJobBus(): Promise<void> {
  const bus = holder.__dailiesJobBus;
  holder.__dailiesJobBus = undefined;
  await (await bus?.catch(() => null))?.stop();
}
