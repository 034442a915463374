/**
 * Real, migrated test databases (a SQLite file in a temp dir; under `npm run test:scale` a fresh
 * Postgres database), plus row factories for users and jobs.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb, type Db, type OpenOptions } from "../../lib/db/client";
import { insertJob } from "../../lib/db/queries/jobs";
import { insertUserRow } from "../../lib/db/queries/users";
import type { Job, NewJob } from "../../lib/db/schema";
import { emptyPostgresDatabase, freshPostgresDatabase, testPostgresUrl } from "./test-postgres";

export function tempDataDir(prefix = "dailies-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestDialect = Db["dialect"]["name"];

/** The dialects this run can test: SQLite always, Postgres when the run has a test server. */
export function testDialects(): TestDialect[] {
  return testPostgresUrl() ? ["sqlite", "pg"] : ["sqlite"];
}

/** A new, empty, migrated database; by default Postgres when the run has one, else SQLite. */
export async function tempDb(dialect: TestDialect = testPostgresUrl() ? "pg" : "sqlite", opts: OpenOptions = {}): Promise<Db> {
  return openDb(dialect === "pg" ? await freshPostgresDatabase() : path.join(tempDataDir(), "dailies.db"), { poolMax: 4, ...opts });
}

/** A database for a new studio in `dataDir` (noted there, so withDb finds it): a fresh Postgres database when the run has one. */
export async function databaseFor(dataDir: string): Promise<Record<string, string>> {
  if (!testPostgresUrl()) return {};
  const file = path.join(dataDir, DATABASE_URL_FILE);
  if (fs.existsSync(file)) return { DATABASE_URL: databaseTarget(dataDir) }; // a restart of the same studio
  const url = await freshPostgresDatabase();
  fs.writeFileSync(path.join(dataDir, DATABASE_URL_FILE), url);
  return { DATABASE_URL: url };
}

/** Points the studio in `toDir` at the database of the studio in `fromDir`: one deployment's second web server or worker. */
export function shareDatabase(fromDir: string, toDir: string): void {
  const file = path.join(fromDir, DATABASE_URL_FILE);
  if (fs.existsSync(file)) fs.copyFileSync(file, path.join(toDir, DATABASE_URL_FILE));
}

/** Like databaseFor, but the Postgres database has no tables yet: the target of a restore. */
export async function emptyDatabaseFor(dataDir: string): Promise<void> {
  if (!testPostgresUrl()) return; // SQLite: an empty DATA_DIR is an empty database
  fs.writeFileSync(path.join(dataDir, DATABASE_URL_FILE), await emptyPostgresDatabase());
}

const DATABASE_URL_FILE = "test-database-url";

/** The database of the studio in `dataDir`: its Postgres URL when it has one, else its SQLite file. */
export function databaseTarget(dataDir: string): string {
  const file = path.join(dataDir, DATABASE_URL_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : path.join(dataDir, "dailies.db");
}

/** Opens the database of the studio in `dataDir` (a running server has migrated it), runs `fn`, closes it. */
export async function withDb<T>(dataDir: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const db = await openDb(databaseTarget(dataDir), { poolMax: 2 });
  try {
    return await fn(db);
  } finally {
    await closeDb(db);
  }
}

/** A better-auth user row, as sign-up would write it (without a password: tests sign in by token). */
export async function insertUser(db: Db, overrides: { id?: string; name?: string; email?: string } = {}): Promise<{ id: string; email: string }> {
  const id = overrides.id ?? `usr_${randomBytes(9).toString("base64url")}`;
  const email = overrides.email ?? `${id.toLowerCase()}@example.test`;
  await insertUserRow(db, { id, name: overrides.name ?? "Test user", email, now: new Date() });
  return { id, email };
}

/**
 * A job row with defaults for everything not given: a queued 2 s 480p local preview of user "u1",
 * due now; the provider is the model id's prefix.
 */
export function jobRow(overrides: Partial<NewJob> = {}): NewJob & { id: string } {
  const now = Date.now();
  const model = overrides.model ?? "local:preview";
  return {
    userId: "u1",
    provider: model.slice(0, model.indexOf(":")),
    prompt: "a lighthouse at dusk",
    aspectRatio: "16:9",
    durationSeconds: 2,
    resolution: "480p",
    fps: 24,
    status: "queued",
    nextCheckAt: now,
    deadlineAt: now + 3_600_000,
    createdAt: now,
    updatedAt: now,
    ...overrides,
    id: overrides.id ?? randomBytes(16).toString("base64url"),
    model,
  };
}

export function seedJob(db: Db, overrides: Partial<NewJob> = {}): Promise<Job> {
  return insertJob(db, jobRow(overrides));
}
