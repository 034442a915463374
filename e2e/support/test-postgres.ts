/**
 * Postgres for tests, when the run has one: `npm run test:scale` starts a throwaway server
 * (scripts/pg-test-server.mjs) and sets DATABASE_URL; each test database or test server then gets
 * a database of its own on it, as a fresh install would.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDb, openDb } from "../../lib/db/client";
import { testPostgresUrl } from "./test-postgres-server";

export { testPostgresUrl } from "./test-postgres-server";

const TEMPLATE = "dailies_test_template";
/** Any number, the same in every test process: "making the template". */
const TEMPLATE_LOCK = 74_657_374;
let templateReady: Promise<void> | null = null;

/** Creates an empty, migrated database on the test server and returns its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const server = testPostgresUrl();
  if (!server) throw new Error("No test Postgres: run through `npm run test:scale` (or set DATABASE_URL to a server where you may create databases).");
  templateReady ??= ensureTemplate(server).catch((err: unknown) => {
    templateReady = null;
    throw err;
  });
  await templateReady;
  const name = `t_${randomBytes(8).toString("hex")}`;
  // Copying a migrated template is much faster than migrating each new database.
  await asAdmin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`));
  return withDatabase(server, name);
}

/** Creates a database with no tables at all (what a restore wants) and returns its URL. */
export async function emptyPostgresDatabase(): Promise<string> {
  const server = testPostgresUrl();
  if (!server) throw new Error("No test Postgres: run through `npm run test:scale` (or set DATABASE_URL to a server where you may create databases).");
  const name = `t_${randomBytes(8).toString("hex")}`;
  await asAdmin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  return withDatabase(server, name);
}

/** The migrated template, made once per test server by whichever test process gets there first. */
async function ensureTemplate(server: string): Promise<void> {
  await asAdmin(server, async (c) => {
    await c.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE]);
      if (rowCount) return;
      await c.query(`CREATE DATABASE ${TEMPLATE}`);
      // The app's own migrations, exactly as a server applies them at start.
      await closeDb(await openDb(withDatabase(server, TEMPLATE), { poolMax: 1 }));
      await c.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE true`);
    } finally {
      await c.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}

async function asAdmin<T>(server: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withDatabase(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
