import { describe, expect, it } from "vitest";
import { seedJob, tempDb } from "../../../e2e/support/test-db";
import { claimDueJobs, ftsQuery, getJob, getOwnedJob, listJobs, releaseLease, setFavorite } from "./jobs";

describe("claimDueJobs", () => {
  it("never hands the same job to two workers", () => {
    const db = tempDb();
    for (let i = 0; i < 10; i++) seedJob(db);
    const a = claimDueJobs(db, "a", 10_000, 6);
    const b = claimDueJobs(db, "b", 10_000, 6);
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(4);
    const ids = new Set([...a, ...b].map((j) => j.id));
    expect(ids.size).toBe(10);
    expect(claimDueJobs(db, "c", 10_000, 6)).toHaveLength(0);
  });

  it("gives a crashed worker's jobs to another once the lease expires", () => {
    const db = tempDb();
    const job = seedJob(db);
    const now = Date.now();
    expect(claimDueJobs(db, "crashed", 1000, 1, now)).toHaveLength(1);
    expect(claimDueJobs(db, "next", 1000, 1, now + 500)).toHaveLength(0);
    const taken = claimDueJobs(db, "next", 1000, 1, now + 1500);
    expect(taken.map((j) => j.id)).toEqual([job.id]);
    expect(getJob(db, job.id)!.leaseOwner).toBe("next");
  });

  it("skips jobs that are not due, finished, or released to a later time", () => {
    const db = tempDb();
    const now = Date.now();
    seedJob(db, { status: "succeeded" });
    seedJob(db, { nextCheckAt: now + 60_000 });
    const due = seedJob(db, { nextCheckAt: now });
    const [claimed] = claimDueJobs(db, "w", 1000, 5, now);
    expect(claimed?.id).toBe(due.id);
    releaseLease(db, due.id, "w", now + 60_000);
    expect(claimDueJobs(db, "w", 1000, 5, now)).toHaveLength(0);
  });

  it("claims an overdue job even when its next check is later, so deadlines are enforced", () => {
    const db = tempDb();
    const now = Date.now();
    const job = seedJob(db, { status: "running", nextCheckAt: now + 60_000, deadlineAt: now - 1 });
    expect(claimDueJobs(db, "w", 1000, 5, now).map((j) => j.id)).toEqual([job.id]);
  });
});

describe("listJobs", () => {
  it("pages newest first without gaps or repeats", () => {
    const db = tempDb();
    const t = Date.now();
    for (let i = 0; i < 25; i++) seedJob(db, { createdAt: t - (i % 5) * 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listJobs(db, { userId: "u1", limit: 7, cursor });
      seen.push(...page.items.map((j) => j.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const created = seen.map((id) => getJob(db, id)!.createdAt);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });
});

describe("ftsQuery", () => {
  it("quotes each word and matches it as a prefix", () => {
    expect(ftsQuery("lightho")).toBe('"lightho"*');
    expect(ftsQuery("  a   Lighthouse  ")).toBe('"a"* "Lighthouse"*');
  });

  it("keeps letters and digits of any script and drops everything else, so nothing is FTS5 syntax", () => {
    expect(ftsQuery('"\\") OR *')).toBe('"OR"*');
    expect(ftsQuery("NEAR(fox snow) -dusk ^sea prompt:x")).toBe('"NEAR"* "fox"* "snow"* "dusk"* "sea"* "prompt"* "x"*');
    expect(ftsQuery("café 東京 4k_60fps")).toBe('"café"* "東京"* "4k_60fps"*');
  });

  it("is null when there is no word at all", () => {
    for (const q of ["", "   ", '"', "*", "()-^:", "\u0000"]) expect(ftsQuery(q), q).toBeNull();
  });

  it("uses at most twelve words", () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(ftsQuery(words.join(" "))!.split(" ")).toHaveLength(12);
  });
});

describe("listJobs filters", () => {
  const t = Date.now() - 60_000;
  function seeded() {
    const db = tempDb();
    const lighthouse = seedJob(db, { prompt: "a lighthouse at dusk", createdAt: t, updatedAt: t });
    const fox = seedJob(db, { prompt: "A fox in the snow", model: "replicate:google/veo-3.1-fast", provider: "replicate", status: "succeeded", createdAt: t + 1000, updatedAt: t + 5000 });
    const lights = seedJob(db, { prompt: "city lights, café at night", status: "failed", createdAt: t + 2000, updatedAt: t + 2000 });
    const stranger = seedJob(db, { userId: "u2", prompt: "a lighthouse at dawn", model: "replicate:google/veo-3.1-fast", provider: "replicate", createdAt: t + 3000, updatedAt: t + 9000 });
    return { db, lighthouse, fox, lights, stranger };
  }
  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((j) => j.id);

  it("shows each user only their own jobs", () => {
    const { db, lighthouse, fox, lights, stranger } = seeded();
    expect(ids(listJobs(db, { userId: "u1", limit: 10 }))).toEqual([lights.id, fox.id, lighthouse.id]);
    expect(ids(listJobs(db, { userId: "u2", limit: 10 }))).toEqual([stranger.id]);
    expect(ids(listJobs(db, { userId: "nobody", limit: 10 }))).toEqual([]);
    expect(ids(listJobs(db, { userId: "u1", ids: [stranger.id, fox.id], limit: 10 }))).toEqual([fox.id]);
    expect(getOwnedJob(db, stranger.id, "u1")).toBeUndefined();
    expect(getOwnedJob(db, stranger.id, "u2")?.id).toBe(stranger.id);
  });

  it("searches prompts by word prefix, case- and accent-insensitively, within the user's jobs", () => {
    const { db, lighthouse, fox, lights } = seeded();
    const search = (q: string) => ids(listJobs(db, { userId: "u1", search: q, limit: 10 }));
    expect(search("lightho")).toEqual([lighthouse.id]);
    expect(search("LIGHT")).toEqual([lights.id, lighthouse.id]);
    expect(search("cafe")).toEqual([lights.id]);
    expect(search("fox snow")).toEqual([fox.id]);
    expect(search("fox dusk")).toEqual([]);
    expect(search("dawn")).toEqual([]);
    expect(search('"\\") OR *')).toEqual([]);
    expect(search("lighthouse OR fox")).toEqual([]);
    expect(search("*")).toHaveLength(3);
  });

  it("filters by model, status and favorite, and combines filters", () => {
    const { db, lighthouse, fox, lights, stranger } = seeded();
    expect(setFavorite(db, fox.id, "u1", true)).toBe(true);
    expect(setFavorite(db, stranger.id, "u1", true)).toBe(false);
    const list = (o: Partial<Parameters<typeof listJobs>[1]>) => ids(listJobs(db, { userId: "u1", limit: 10, ...o }));
    expect(list({ model: "replicate:google/veo-3.1-fast" })).toEqual([fox.id]);
    expect(list({ model: "local:preview" })).toEqual([lights.id, lighthouse.id]);
    expect(list({ favorite: true })).toEqual([fox.id]);
    expect(list({ favorite: false })).toHaveLength(3);
    expect(list({ status: ["failed", "queued"] })).toEqual([lights.id, lighthouse.id]);
    expect(list({ favorite: true, model: "local:preview" })).toEqual([]);
    expect(list({ search: "light", status: ["failed"] })).toEqual([lights.id]);
    expect(getJob(db, stranger.id)!.favorite).toBe(false);
  });

  it("returns only jobs updated at or after changedSince", () => {
    const { db, fox, lights } = seeded();
    const since = (ms: number) => ids(listJobs(db, { userId: "u1", changedSince: ms, limit: 10 }));
    expect(since(t + 2000)).toEqual([lights.id, fox.id]);
    expect(since(t + 2001)).toEqual([fox.id]);
    expect(since(t + 5000)).toEqual([fox.id]);
    expect(since(t + 5001)).toEqual([]);
    expect(since(0)).toHaveLength(3);
  });
});
