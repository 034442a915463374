import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { insertUser, seedJob, tempDb } from "../../e2e/support/test-db";
import { activeShareLinks, createShareLink, MAX_LIVE_LINKS_PER_JOB, resolveShare, revokeShareLink } from "./share-links";

let db: Db;

const finished = () =>
  seedJob(db, { status: "succeeded", videoKey: "videos/x.mp4", posterKey: "posters/x.webp", videoWidth: 320, videoHeight: 180 });

beforeEach(async () => {
  db = await tempDb();
  await insertUser(db, { id: "u1" });
});

describe("share links", () => {
  it("makes tokens of at least 128 random bits, each different", async () => {
    const job = await finished();
    const a = (await createShareLink(db, job, null))!;
    const b = (await createShareLink(db, job, null))!;
    expect(a.token).not.toBe(b.token);
    // base64url: 6 bits per character.
    expect(a.token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a.token.length * 6).toBeGreaterThanOrEqual(128);
  });

  it("resolves a live token to its job", async () => {
    const job = await finished();
    const link = (await createShareLink(db, job, 7))!;
    const shared = await resolveShare(db, link.token);
    expect(shared?.job.id).toBe(job.id);
    expect(shared?.link.expiresAt).toBe(link.createdAt + 7 * 86_400_000);
    expect((await activeShareLinks(db, job.id, "u1")).map((l) => l.token)).toEqual([link.token]);
  });

  it("keeps the owner's download choice with the link; links allow downloads unless told not to", async () => {
    const job = await finished();
    const closed = (await createShareLink(db, job, null, Date.now(), false))!;
    const open = (await createShareLink(db, job, null))!;
    expect((await resolveShare(db, closed.token))?.link.allowDownload).toBe(false);
    expect((await resolveShare(db, open.token))?.link.allowDownload).toBe(true);
  });

  it("stops resolving once revoked", async () => {
    const job = await finished();
    const link = (await createShareLink(db, job, null))!;
    expect(await revokeShareLink(db, link.token, "u1")).toBe(true);
    expect(await resolveShare(db, link.token)).toBeNull();
    expect(await activeShareLinks(db, job.id, "u1")).toEqual([]);
    expect(await revokeShareLink(db, link.token, "u1")).toBe(false);
  });

  it("stops resolving once expired", async () => {
    const job = await finished();
    const now = Date.now();
    const link = (await createShareLink(db, job, 1, now))!;
    expect(await resolveShare(db, link.token, now + 86_400_000 - 1)).not.toBeNull();
    expect(await resolveShare(db, link.token, now + 86_400_000)).toBeNull();
    expect(await activeShareLinks(db, job.id, "u1", now + 86_400_000)).toEqual([]);
  });

  it("does not share a job that has not succeeded", async () => {
    const job = await seedJob(db, { status: "running" });
    const link = (await createShareLink(db, job, null))!;
    expect(await resolveShare(db, link.token)).toBeNull();
  });

  it("does not let another user revoke or list a link", async () => {
    await insertUser(db, { id: "u2" });
    const job = await finished();
    const link = (await createShareLink(db, job, null))!;
    expect(await revokeShareLink(db, link.token, "u2")).toBe(false);
    expect(await activeShareLinks(db, job.id, "u2")).toEqual([]);
    expect((await resolveShare(db, link.token))?.job.id).toBe(job.id);
  });

  it("rejects malformed and unknown tokens", async () => {
    expect(await resolveShare(db, "../../etc/passwd")).toBeNull();
    expect(await resolveShare(db, "A".repeat(32))).toBeNull();
    expect(await resolveShare(db, "")).toBeNull();
  });

  it("never gives one video more than MAX_LIVE_LINKS_PER_JOB live links, however many are asked for at once", async () => {
    const job = await finished();
    const other = await finished();
    const now = Date.now();
    const lapsed = (await createShareLink(db, job, 1, now - 2 * 86_400_000))!;
    const made = await Promise.all(Array.from({ length: 30 }, () => createShareLink(db, job, null, now)));
    expect(made.filter(Boolean)).toHaveLength(MAX_LIVE_LINKS_PER_JOB);
    expect(await activeShareLinks(db, job.id, "u1", now)).toHaveLength(MAX_LIVE_LINKS_PER_JOB);
    expect(lapsed.expiresAt).toBeLessThan(now);
    // Per video; and a revoked link frees its place.
    expect(await createShareLink(db, other, null, now)).not.toBeNull();
    await revokeShareLink(db, made.find(Boolean)!.token, "u1", now);
    expect(await createShareLink(db, job, null, now)).not.toBeNull();
    expect(await createShareLink(db, job, null, now)).toBeNull();
  });
});
