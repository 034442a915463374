/** A real SQLite file in a temp dir, migrated, plus row factories for users and jobs. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb, type Db } from "../../lib/db/client";
import { insertJob } from "../../lib/db/queries/jobs";
import { insertUserRow } from "../../lib/db/queries/users";
import type { Job, NewJob } from "../../lib/db/schema";

export function tempDataDir(prefix = "dailies-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDb(): Promise<Db> {
  return openDb(path.join(tempDataDir(), "dailies.db"));
}

/** Opens the database of the studio in `dataDir` (a running server has migrated it), runs `fn`, closes it. */
export async function withDb<T>(dataDir: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const db = await openDb(path.join(dataDir, "dailies.db"));
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
