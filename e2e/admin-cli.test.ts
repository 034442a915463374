/**
 * `npm run admin` as a child process on a temporary DATA_DIR (its real SQLite file, the real
 * store), with every effect checked in the database and the store afterwards.
 */
import { randomBytes } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { redeemPasswordReset } from "../lib/admin/accounts";
import { userIdForToken } from "../lib/auth/api-tokens";
import { ownerId } from "../lib/auth/instance";
import { findAccountByEmail, isDisabled } from "../lib/db/queries/accounts";
import { getJob } from "../lib/db/queries/jobs";
import { seedJobWithFiles } from "./pw/seed";
import { runAdminCli } from "./support/admin-cli";
import { isStored } from "./support/stored-files";
import { seedJob, tempDataDir, withDb } from "./support/test-db";

let dataDir: string;
const cli = (args: string[], stdin?: string) => runAdminCli(dataDir, args, { stdin });

async function passwordHash(email: string): Promise<string | null> {
  return withDb(dataDir, async (db) => {
    const who = await findAccountByEmail(db, email);
    const [row] = await db.orm.select({ password: db.t.account.password }).from(db.t.account).where(and(eq(db.t.account.userId, who!.id), eq(db.t.account.providerId, "credential")));
    return row?.password ?? null;
  });
}

async function addSession(email: string): Promise<void> {
  await withDb(dataDir, async (db) => {
    const who = await findAccountByEmail(db, email);
    const now = new Date();
    await db.orm.insert(db.t.session).values({ id: randomBytes(8).toString("hex"), token: randomBytes(16).toString("hex"), userId: who!.id, expiresAt: new Date(Date.now() + 3_600_000), createdAt: now, updatedAt: now });
  });
}

const sessionsOf = (email: string) =>
  withDb(dataDir, async (db) => {
    const who = await findAccountByEmail(db, email);
    return (await db.orm.select().from(db.t.session).where(eq(db.t.session.userId, who!.id))).length;
  });

beforeAll(async () => {
  dataDir = tempDataDir("dailies-admin-");
  // the first command opens (and so creates and migrates) the database
  const first = await cli(["create-user", "Owner@Example.test", "--name", "Olive", "--password-stdin"], "first-password-1\n");
  expect(first, first.stderr).toMatchObject({ code: 0 });
  expect(first.stdout).toContain("Created owner@example.test (the owner).");
});

describe("npm run admin", { timeout: 180_000 }, () => {
  it("creates people with a password that better-auth accepts, or a one-time link to set one", async () => {
    expect(await verifyPassword({ hash: (await passwordHash("owner@example.test"))!, password: "first-password-1" })).toBe(true);
    const linked = await cli(["create-user", "member@example.test"]);
    expect(linked.code).toBe(0);
    const url = /https?:\/\/\S+\/reset-password\/(\S+)/.exec(linked.stdout);
    expect(url, linked.stdout).not.toBeNull();
    const redeemed = await withDb(dataDir, (db) => redeemPasswordReset(db, url![1]!, "member-password-1"));
    expect(redeemed.ok).toBe(true);
    expect(await verifyPassword({ hash: (await passwordHash("member@example.test"))!, password: "member-password-1" })).toBe(true);
    // the link works once
    expect((await withDb(dataDir, (db) => redeemPasswordReset(db, url![1]!, "another-password"))).ok).toBe(false);

    const dup = await cli(["create-user", "MEMBER@example.test"]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("There is already an account for member@example.test.");
    const short = await cli(["create-user", "x@example.test", "--password-stdin"], "short");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("at least 8 characters");

    const users = await cli(["users", "--json"]);
    const list = JSON.parse(users.stdout) as Array<{ email: string; owner: boolean; disabled: boolean }>;
    expect(list.map((u) => [u.email, u.owner])).toEqual([
      ["owner@example.test", true],
      ["member@example.test", false],
    ]);
  });

  it("resets a password from stdin and signs the person out everywhere", async () => {
    await addSession("member@example.test");
    expect(await sessionsOf("member@example.test")).toBe(1);
    const r = await cli(["reset-password", "member@example.test", "--stdin"], "brand-new-pass\n");
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(await verifyPassword({ hash: (await passwordHash("member@example.test"))!, password: "brand-new-pass" })).toBe(true);
    expect(await sessionsOf("member@example.test")).toBe(0);
    const missing = await cli(["reset-password", "nobody@example.test"]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain("There is no account for nobody@example.test.");
  });

  it("mints, lists and revokes API tokens; a disabled person's token stops working until enabled", async () => {
    const minted = await cli(["mint-token", "member@example.test", "--name", "ci"]);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    expect(token).toMatch(/^dly_/);
    const memberId = (await withDb(dataDir, (db) => findAccountByEmail(db, "member@example.test")))!.id;
    expect(await withDb(dataDir, (db) => userIdForToken(db, token))).toBe(memberId);

    await addSession("member@example.test");
    expect((await cli(["disable", "member@example.test"])).code).toBe(0);
    expect(await withDb(dataDir, (db) => isDisabled(db, memberId))).toBe(true);
    expect(await sessionsOf("member@example.test")).toBe(0);
    const owner = await cli(["disable", "owner@example.test"]);
    expect(owner.code).toBe(1);
    expect(owner.stderr).toContain("The owner cannot be disabled");
    expect((await cli(["enable", "member@example.test"])).code).toBe(0);
    expect(await withDb(dataDir, (db) => isDisabled(db, memberId))).toBe(false);

    const listed = await cli(["tokens", "member@example.test"]);
    const id = /^(\S+)\s+ci\s/m.exec(listed.stdout)?.[1];
    expect(id, listed.stdout).toBeDefined();
    expect((await cli(["revoke-token", id!])).code).toBe(0);
    expect(await withDb(dataDir, (db) => userIdForToken(db, token))).toBeNull();
    expect((await cli(["revoke-token", id!])).code).toBe(1);
  });

  it("opens and closes sign-up, and hands the studio to another owner", async () => {
    expect((await cli(["signup", "open"])).stdout).toContain("Sign-up is open");
    expect((await cli(["signup", "close"])).stdout).toContain("Sign-up is closed");
    expect((await cli(["make-owner", "member@example.test"])).code).toBe(0);
    const memberId = (await withDb(dataDir, (db) => findAccountByEmail(db, "member@example.test")))!.id;
    expect(await withDb(dataDir, (db) => ownerId(db))).toBe(memberId);
    expect((await cli(["make-owner", "owner@example.test"])).code).toBe(0);
  });

  it("lists stuck jobs, hands one back to the worker, and fails another", async () => {
    const memberId = (await withDb(dataDir, (db) => findAccountByEmail(db, "member@example.test")))!.id;
    const old = Date.now() - 2 * 3_600_000;
    const [stuck, hopeless, fresh] = await withDb(dataDir, async (db) => [
      await seedJob(db, { userId: memberId, status: "saving", updatedAt: old, saveAttempts: 4, leaseOwner: "w_dead", leaseUntil: old, nextCheckAt: old + 3_600_000_000 }),
      await seedJob(db, { userId: memberId, status: "submitted", providerJobId: "p1", updatedAt: old }),
      await seedJob(db, { userId: memberId, status: "running", providerJobId: "p2" }),
    ]);
    const listed = await cli(["stuck-jobs", "--json"]);
    const ids = (JSON.parse(listed.stdout) as Array<{ id: string }>).map((j) => j.id);
    expect(ids).toContain(stuck!.id);
    expect(ids).toContain(hopeless!.id);
    expect(ids).not.toContain(fresh!.id);

    const before = Date.now();
    expect((await cli(["requeue", stuck!.id])).code).toBe(0);
    const requeued = (await withDb(dataDir, (db) => getJob(db, stuck!.id)))!;
    expect(requeued).toMatchObject({ status: "saving", leaseOwner: null, leaseUntil: null, saveAttempts: 0 });
    expect(requeued.nextCheckAt).toBeGreaterThanOrEqual(before);

    const failed = await cli(["fail-job", hopeless!.id, "--reason", "the provider lost it"]);
    expect(failed.code).toBe(0);
    expect(await withDb(dataDir, (db) => getJob(db, hopeless!.id))).toMatchObject({ status: "failed", errorCode: "internal", errorMessage: "Stopped by the studio's administrator: the provider lost it" });
    const again = await cli(["fail-job", hopeless!.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already failed");
  });

  it("deletes a person with their jobs and files, but never the owner, and only with --yes", async () => {
    const memberId = (await withDb(dataDir, (db) => findAccountByEmail(db, "member@example.test")))!.id;
    const job = await seedJobWithFiles(dataDir, memberId);
    const keys = [`videos/${job.id}.mp4`, `posters/${job.id}.webp`];
    for (const k of keys) expect(await isStored(dataDir, k)).toBe(true);
    const asked = await cli(["delete-user", "member@example.test"]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("--yes");
    const done = await cli(["delete-user", "member@example.test", "--yes"]);
    expect(done, done.stderr).toMatchObject({ code: 0 });
    expect(await withDb(dataDir, (db) => findAccountByEmail(db, "member@example.test"))).toBeUndefined();
    expect(await withDb(dataDir, (db) => getJob(db, job.id))).toBeUndefined();
    for (const k of keys) expect(await isStored(dataDir, k)).toBe(false);
    const owner = await cli(["delete-user", "owner@example.test", "--yes"]);
    expect(owner.code).toBe(1);
    expect(owner.stderr).toContain("The owner cannot be deleted");
  });

  it("explains itself", async () => {
    const bad = await cli(["frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('There is no command "frobnicate"');
    expect((await cli(["help"])).stdout).toContain("reset-password <email>");
  });
});
