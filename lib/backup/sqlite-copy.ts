import "server-only";
import Database from "better-sqlite3";

export interface SqliteFacts {
  latestMigration: number | null;
  users: number;
  jobs: number;
  videos: number;
  /** Every stored file the database names: videos, posters, input images. */
  keys: string[];
}

/**
 * A consistent copy of a live SQLite database with SQLite's online backup API (better-sqlite3
 * `backup()`), on a connection of its own: the server keeps reading and writing meanwhile, and the
 * copy is the database as of one moment.
 */
export async function copySqlite(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(target);
  } finally {
    db.close();
  }
}

/** What a copy holds, read from the copy itself (never the live file, which may have moved on). */
export function sqliteFacts(file: string): SqliteFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasMigrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() as { n: number };
    const latest = hasMigrations.n ? (db.prepare("SELECT max(created_at) AS at FROM __drizzle_migrations").get() as { at: number | null }).at : null;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const rows = db.prepare("SELECT video_key, poster_key, input_image_key FROM jobs").raw().all() as (string | null)[][];
    const keys = [...new Set(rows.flat().filter((k): k is string => !!k))].sort();
    return {
      latestMigration: latest === null ? null : Number(latest),
      users: count('SELECT count(*) AS n FROM "user"'),
      jobs: count("SELECT count(*) AS n FROM jobs"),
      videos: count("SELECT count(*) AS n FROM jobs WHERE status = 'succeeded' AND video_key IS NOT NULL"),
      keys,
    };
  } finally {
    db.close();
  }
}
