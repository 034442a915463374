import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { env } from "../env";
import { pgDialect } from "./dialect/pg";
import { openPostgres } from "./dialect/pg-driver";
import { retryOnConflict } from "./dialect/retry-conflict";
import { sqliteDialect } from "./dialect/sqlite";
import { openSqlite } from "./dialect/sqlite-driver";
import { isPostgresUrl } from "./target";
import type { Dialect } from "./dialect/types";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";

/**
 * The app's database, whichever engine it runs on. Only lib/db looks inside: queries in
 * lib/db/queries use `orm`, the tables in `t` and the SQL pieces of `dialect`; everyone else
 * passes a Db through.
 *
 * `orm` and `t` are typed as Postgres. On SQLite they are drizzle's SQLite database and tables,
 * which build the same queries from the same calls as long as a query sticks to what both offer
 * (select/insert/update/delete, returning, onConflict*, and awaiting the builder; no .get()/.all()/
 * .run(), no .for()): schema/schema.test.ts proves the row types equal, and the query tests run
 * on both engines. Anything the engines say differently belongs in `dialect`.
 */
export interface Db {
  readonly dialect: Dialect;
  readonly orm: Orm;
  /** The tables, as this dialect's drizzle schema defines them. */
  readonly t: Tables;
  /** @internal the driver behind it: transactions and closing */
  readonly driver: Driver;
  /** @internal set on the Db a transaction hands its callback, so a nested transaction joins it */
  readonly inTransaction?: true;
}

export type Tables = typeof pgSchema;
export type Orm = PgDatabase<NodePgQueryResultHKT, Tables>;

interface Driver {
  transaction<T>(fn: (orm: Orm) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Sees every statement (tests count them). */
  logger?: Logger;
  /** Postgres connections per process. */
  poolMax?: number;
}

const MIGRATIONS = path.join(process.cwd(), "drizzle");

/** Opens (and migrates) a database: a postgres:// URL, or a SQLite file path (":memory:" works for tests). */
export async function openDb(target: string, opts: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(target)) {
    const pg = await openPostgres(target, {
      schema: pgSchema,
      migrationsFolder: path.join(MIGRATIONS, "pg"),
      poolMax: opts.poolMax ?? 10,
      logger: opts.logger,
    });
    const orm = pg.orm as Orm;
    return {
      dialect: pgDialect,
      orm,
      t: pgSchema,
      driver: {
        transaction: (fn) => retryOnConflict(() => orm.transaction((tx) => fn(tx))),
        ping: async () => void (await orm.execute(sql`SELECT 1`)),
        close: pg.close,
      },
    };
  }
  const sqlite = openSqlite(target, { schema: sqliteSchema, migrationsFolder: path.join(MIGRATIONS, "sqlite"), logger: opts.logger });
  // The one place the SQLite twins stand in for the Postgres types (see the comment on Db).
  const orm = sqlite.orm as unknown as Orm;
  return {
    dialect: sqliteDialect,
    orm,
    t: sqliteSchema as unknown as Tables,
    driver: {
      transaction: (fn) => sqlite.transaction(() => fn(orm)),
      ping: async () => void (await sqlite.orm.run(sql`SELECT 1`)),
      close: async () => sqlite.close(),
    },
  };
}

/**
 * Runs `fn` as one transaction and returns its result; it rolls back if `fn` throws.
 * Only database work belongs inside: never a network call. Called with a transaction's Db, it
 * joins that transaction (no savepoint): the work commits or rolls back with the outer one, on
 * both engines. (Opening a second one would deadlock SQLite's single connection and, on
 * Postgres, commit apart from the outer transaction on another pooled connection.)
 */
export function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn(db);
  return db.driver.transaction((orm) => fn({ ...db, orm, inTransaction: true }));
}

/** One round trip, for health checks. */
export function pingDb(db: Db): Promise<void> {
  return db.driver.ping();
}

export function closeDb(db: Db): Promise<void> {
  return db.driver.close();
}

const holder = globalThis as typeof globalThis & { __dailiesDb?: Promise<Db> };

/** The app's database (DATABASE_URL, else DATA_DIR/dailies.db), opened and migrated once per process. */
export function db(): Promise<Db> {
  const e = env();
  holder.__dailiesDb ??= openDb(e.DATABASE_URL ?? path.join(e.DATA_DIR, "dailies.db"), { poolMax: e.DATABASE_POOL_MAX }).catch((err: unknown) => {
    holder.__dailiesDb = undefined;
    throw err;
  });
  return holder.__dailiesDb;
}
