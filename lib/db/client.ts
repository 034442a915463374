import "server-only";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "../env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (and migrates) a database file; ":memory:" works for tests. */
export function openDb(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), "drizzle") });
  return db;
}

const holder = globalThis as typeof globalThis & { __dailiesDb?: Db };

/** The app's database at DATA_DIR/dailies.db, opened once per process. */
export function db(): Db {
  holder.__dailiesDb ??= openDb(path.join(env().DATA_DIR, "dailies.db"));
  return holder.__dailiesDb;
}
