/**
 * Runs a measurement on SQLite and on Postgres in the same bench run. Postgres is the run's own
 * (DATABASE_URL, as under `node scripts/pg-test-server.mjs -- …`) or, when there is none, a
 * throwaway server started with the same code the tests use (scripts/pg-server.mjs); without
 * Postgres binaries the Postgres half is reported as skipped, not failed.
 * The harness (e2e/support/test-postgres) picks the dialect from DATABASE_URL, so each half runs
 * with it set or removed.
 */
import { findPgBin, startPgServer } from "../scripts/pg-server.mjs";
import { testPostgresUrl } from "../e2e/support/test-postgres";
import { onCleanup, type Measurement } from "./util";

export type DialectName = "SQLite" | "Postgres";

const runsOwn = testPostgresUrl();
let started: Promise<string | null> | null = null;

/** The Postgres to measure on, started once per run when needed; null when this machine has none. */
function postgresUrl(): Promise<string | null> {
  if (runsOwn) return Promise.resolve(runsOwn);
  started ??= (async () => {
    if (!findPgBin()) return null;
    const server = await startPgServer();
    onCleanup(() => server.stop());
    process.once("exit", () => server.stop());
    return server.url;
  })();
  return started;
}

async function withDatabaseUrl<T>(url: string | null, fn: () => Promise<T>): Promise<T> {
  const before = process.env.DATABASE_URL;
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

/** `measure` once per dialect, SQLite first; the Postgres result is a "skipped" row where there is no Postgres. */
export async function onEachDialect(
  step: { id: string; name: string },
  measure: (dialect: DialectName) => Promise<Measurement | Measurement[]>,
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const row = (dialect: DialectName, fields: Partial<Measurement>): Measurement => ({ id: `${step.id}-${dialect.toLowerCase()}`, name: `${step.name} (${dialect})`, value: null, unit: "", target: "report", pass: false, details: {}, ...fields });
  // One dialect's error is its own row: the other's numbers still count.
  const run = async (dialect: DialectName, url: string | null) => {
    try {
      const got = await withDatabaseUrl(url, () => measure(dialect));
      out.push(...(Array.isArray(got) ? got : [got]));
    } catch (err) {
      out.push(row(dialect, { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
    }
  };
  await run("SQLite", null);
  let url: string | null;
  try {
    url = await postgresUrl();
  } catch (err) {
    out.push(row("Postgres", { error: `could not start Postgres: ${err instanceof Error ? err.message : String(err)}` }));
    return out;
  }
  if (url) await run("Postgres", url);
  else out.push(row("Postgres", { pass: true, details: { skipped: SKIPPED } }));
  return out;
}

export const SKIPPED = "skipped: no Postgres (install postgresql or set PG_BIN)";
