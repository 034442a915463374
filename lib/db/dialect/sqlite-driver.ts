/**
 * better-sqlite3 behind drizzle's async "proxy" driver, so SQLite speaks the same async API as
 * Postgres. better-sqlite3 itself is synchronous and has one connection: an async transaction on
 * it would let any other request's statement run inside the open transaction while the
 * transaction awaits. So a transaction holds a lock, the holder is known through
 * AsyncLocalStorage, and every statement from anyone else waits until it commits.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import Database from "better-sqlite3";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Logger } from "drizzle-orm/logger";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";

type Method = "run" | "all" | "values" | "get";

export interface SqliteDriver<S extends Record<string, unknown>> {
  orm: SqliteRemoteDatabase<S>;
  /** Runs `fn` in one transaction (BEGIN IMMEDIATE); everyone else's statements wait for it. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): void;
}

const STATEMENT_CACHE = 200;

export function openSqlite<S extends Record<string, unknown>>(
  file: string,
  opts: { schema: S; migrationsFolder: string; logger?: Logger },
): SqliteDriver<S> {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  migrate(drizzleSync(sqlite), { migrationsFolder: opts.migrationsFolder });

  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string): Database.Statement => {
    let stmt = statements.get(text);
    if (!stmt) {
      stmt = sqlite.prepare(text);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      statements.set(text, stmt);
    }
    return stmt;
  };

  const lock = new TransactionLock();
  const execute = async (text: string, params: unknown[], method: Method): Promise<{ rows: unknown[]; rowCount?: number }> => {
    // No await between this check and the statement: nothing can start a transaction in between.
    while (lock.blocks()) await lock.released;
    const stmt = prepare(text);
    if (!stmt.reader) {
      const info = stmt.run(...params);
      // rowCount, as node-postgres names it, so "how many rows changed" reads the same on both dialects.
      return { rows: [], rowCount: info.changes };
    }
    stmt.raw(true);
    if (method === "get") return { rows: (stmt.get(...params) as unknown[] | undefined) as unknown[] };
    const rows = stmt.all(...params) as unknown[];
    return { rows, rowCount: rows.length };
  };

  const orm = drizzle<S>(execute as never, { schema: opts.schema, logger: opts.logger });
  return {
    orm,
    transaction: (fn) => lock.hold(() => orm.transaction(() => fn(), { behavior: "immediate" })),
    close: () => sqlite.close(),
  };
}

/** One holder at a time; statements from the holder's async context pass, others wait. */
class TransactionLock {
  private readonly context = new AsyncLocalStorage<symbol>();
  private holder: symbol | null = null;
  /** Settles when the current holder lets go. */
  released: Promise<void> = Promise.resolve();

  /** Whether a statement from the current async context must wait. */
  blocks(): boolean {
    return this.holder !== null && this.context.getStore() !== this.holder;
  }

  async hold<T>(fn: () => Promise<T>): Promise<T> {
    if (this.holder !== null && this.context.getStore() === this.holder) return fn(); // nested: already ours
    while (this.holder !== null) await this.released;
    const token = Symbol("transaction");
    let release!: () => void;
    this.holder = token;
    this.released = new Promise((resolve) => (release = resolve));
    try {
      return await this.context.run(token, fn);
    } finally {
      this.holder = null;
      release();
    }
  }
}
