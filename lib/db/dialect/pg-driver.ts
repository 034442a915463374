/**
 * Postgres through node-postgres: a connection pool, migrations applied once under an advisory
 * lock (many web servers and workers may start at the same moment), transactions on one pooled
 * connection.
 */
import type { Logger } from "drizzle-orm/logger";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/** Any number, the same in every process of this app: "Dailies is migrating". */
const MIGRATION_LOCK = 44_616_973;

export interface PgDriver<S extends Record<string, unknown>> {
  orm: NodePgDatabase<S>;
  close(): Promise<void>;
}

export async function openPostgres<S extends Record<string, unknown>>(
  url: string,
  opts: { schema: S; migrationsFolder: string; poolMax: number; logger?: Logger },
): Promise<PgDriver<S>> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolMax, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.warn("[db] idle Postgres connection failed", err.message));
  try {
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client), { migrationsFolder: opts.migrationsFolder });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`Dailies cannot open its Postgres database at ${describe(url)}: ${(err as Error).message}. Check DATABASE_URL and that the server is running and lets this user create tables.`, { cause: err });
  }
  return { orm: drizzle(pool, { schema: opts.schema, logger: opts.logger }), close: () => pool.end() };
}

/** Where the database is, without its password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}${u.username ? ` as ${decodeURIComponent(u.username)}` : ""}`;
  } catch {
    return "DATABASE_URL";
  }
}
