/** A real SQLite file in a temp dir, migrated, plus row factories for users and jobs. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../lib/db/client";
import { insertJob } from "../../lib/db/queries/jobs";
import { user, type Job, type NewJob } from "../../lib/db/schema";

export function tempDataDir(prefix = "dailies-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDb(): Db {
  return openDb(path.join(tempDataDir(), "dailies.db"));
}

/** A better-auth user row, as sign-up would write it (without a password: tests sign in by token). */
export function insertUser(db: Db, overrides: { id?: string; name?: string; email?: string } = {}): { id: string; email: string } {
  const id = overrides.id ?? `usr_${randomBytes(9).toString("base64url")}`;
  const email = overrides.email ?? `${id.toLowerCase()}@example.test`;
  const now = new Date();
  db.insert(user).values({ id, name: overrides.name ?? "Test user", email, emailVerified: false, createdAt: now, updatedAt: now }).run();
  return { id, email };
}

export function seedJob(db: Db, overrides: Partial<NewJob> = {}): Job {
  const now = Date.now();
  return insertJob(db, {
    id: randomBytes(16).toString("base64url"),
    userId: "u1",
    model: "local:preview",
    provider: "local",
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
  });
}
