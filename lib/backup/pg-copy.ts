import "server-only";
import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../db/client";
import type { SqliteFacts } from "./sqlite-copy";

/**
 * pg_dump and pg_restore, given the connection through libpq's PG* variables rather than the
 * command line, where other users of the machine could read the password.
 */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")) || "localhost",
    PGPORT: u.port || "5432",
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
  };
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  const host = u.searchParams.get("host"); // a Unix socket directory
  if (host) env.PGHOST = host;
  return env;
}

function run(command: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: pgEnv(url), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === "ENOENT" ? `${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client).` : err.message)),
    );
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim().split("\n").slice(-3).join(" ") || `exit code ${code}`}`))));
  });
}

/** A consistent dump (pg_dump takes one snapshot) in pg_dump's custom format. */
export function dumpPostgres(url: string, file: string): Promise<void> {
  return run("pg_dump", ["--format=custom", "--no-owner", "--no-acl", `--file=${file}`], url);
}

/** Into the database PGDATABASE names (pg_restore connects there when --dbname is given; here it comes from the env). */
export function restorePostgres(url: string, file: string): Promise<void> {
  return run("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", `--dbname=${decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))}`, file], url);
}

/** Whether the database has none of Dailies' tables yet (a fresh one to restore into); asked without migrating it. */
export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>("SELECT to_regclass('public.jobs') IS NULL AS empty");
    return rows[0]?.empty === true;
  } finally {
    await client.end();
  }
}

/** The same facts as sqliteFacts, from the live database (after the dump, so every file the dump names is listed). */
export async function postgresFacts(db: Db): Promise<SqliteFacts> {
  const one = async (q: ReturnType<typeof sql>) => ((await db.orm.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const [latest] = await one(sql`SELECT max(created_at) AS at FROM drizzle.__drizzle_migrations`);
  const [counts] = await one(sql`SELECT (SELECT count(*) FROM "user") AS users, (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM jobs WHERE status = 'succeeded' AND video_key IS NOT NULL) AS videos`);
  const keyRows = await one(sql`SELECT video_key, poster_key, input_image_key FROM jobs`);
  const keys = [...new Set(keyRows.flatMap((r) => [r.video_key, r.poster_key, r.input_image_key]).filter((k): k is string => typeof k === "string" && !!k))].sort();
  return {
    latestMigration: latest?.at === null || latest?.at === undefined ? null : Number(latest.at),
    users: Number(counts?.users ?? 0),
    jobs: Number(counts?.jobs ?? 0),
    videos: Number(counts?.videos ?? 0),
    keys,
  };
}
