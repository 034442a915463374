import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { env } from "../env";
import { openSqlite } from "./dialect/sqlite-driver";
import * as schema from "./schema";

/**
 * The app's database, whichever engine it runs on. Only lib/db looks inside: queries in
 * lib/db/queries use `orm` and the tables in `t`; everyone else passes a Db through.
 */
export interface Db {
  readonly dialect: "sqlite";
  readonly orm: Orm;
  /** The tables, as this dialect's drizzle schema defines them. */
  readonly t: Tables;
  /** @internal the driver behind it: transactions and closing */
  readonly driver: Driver;
}

export type Tables = typeof schema;
export type Orm = ReturnType<typeof openSqlite<Tables>>["orm"];

interface Driver {
  transaction<T>(fn: (orm: Orm) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Sees every statement (tests count them). */
  logger?: Logger;
}

/** Opens (and migrates) a database: a SQLite file path (":memory:" works for tests). */
export async function openDb(target: string, opts: OpenOptions = {}): Promise<Db> {
  const sqlite = openSqlite(target, { schema, migrationsFolder: path.join(process.cwd(), "drizzle"), logger: opts.logger });
  return {
    dialect: "sqlite",
    orm: sqlite.orm,
    t: schema,
    driver: {
      transaction: (fn) => sqlite.transaction(() => fn(sqlite.orm)),
      ping: async () => void (await sqlite.orm.run(sql`SELECT 1`)),
      close: async () => sqlite.close(),
    },
  };
}

/**
 * Runs `fn` as one transaction and returns its result; it rolls back if `fn` throws.
 * Only database work belongs inside: never a network call.
 */
export function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.driver.transaction((orm) => fn(orm === db.orm ? db : { ...db, orm }));
}

/** One round trip, for health checks. */
export function pingDb(db: Db): Promise<void> {
  return db.driver.ping();
}

export function closeDb(db: Db): Promise<void> {
  return db.driver.close();
}

const holder = globalThis as typeof globalThis & { __dailiesDb?: Promise<Db> };

/** The app's database at DATA_DIR/dailies.db, opened (and migrated) once per process. */
export function db(): Promise<Db> {
  holder.__dailiesDb ??= openDb(path.join(env().DATA_DIR, "dailies.db")).catch((err: unknown) => {
    holder.__dailiesDb = undefined;
    throw err;
  });
  return holder.__dailiesDb;
}
