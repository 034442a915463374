import { describe, expect, it } from "vitest";
import { eachDialect } from "../../../e2e/support/each-dialect";
import { seedJob } from "../../../e2e/support/test-db";
import { tsQuery } from "../dialect/pg";
import { ftsQuery } from "../dialect/sqlite";
import { claimDueJobs, releaseLease } from "./job-leases";
import { getJob, getOwnedJob, listJobs, setFavorite } from "./jobs";

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

describe("tsQuery", () => {
  it("asks for every word as a prefix, with nothing of tsquery syntax left", () => {
    expect(tsQuery("lightho")).toBe("'lightho':*");
    expect(tsQuery('fox "snow" & !dusk | sea:* <-> x')).toBe("'fox':* & 'snow':* & 'dusk':* & 'sea':* & 'x':*");
    expect(tsQuery("café 東京 4k_60fps")).toBe("'café':* & '東京':* & '4k':* & '60fps':*");
  });

  it("is null when there is no word at all", () => {
    for (const q of ["", "   ", "'", "*", "()&|!:<->", "_"]) expect(tsQuery(q), q).toBeNull();
  });
});

eachDialect((tempDb) => {
  describe("claimDueJobs", () => {
    it("never hands the same job to two workers", async () => {
      const db = await tempDb();
      for (let i = 0; i < 10; i++) await seedJob(db);
      const a = await claimDueJobs(db, "a", 10_000, 6);
      const b = await claimDueJobs(db, "b", 10_000, 6);
      expect(a).toHaveLength(6);
      expect(b).toHaveLength(4);
      const ids = new Set([...a, ...b].map((j) => j.id));
      expect(ids.size).toBe(10);
      expect(await claimDueJobs(db, "c", 10_000, 6)).toHaveLength(0);
    });

    it("returns the claimed rows themselves, leased, and splits them between workers claiming at the same moment", async () => {
      const db = await tempDb();
      const now = Date.now();
      for (let i = 0; i < 12; i++) await seedJob(db, { nextCheckAt: now - i });
      const claims = await Promise.all(["w1", "w2", "w3", "w4"].map((w) => claimDueJobs(db, w, 10_000, 5, now)));
      const all = claims.flat();
      expect(all).toHaveLength(12);
      expect(new Set(all.map((j) => j.id)).size).toBe(12);
      claims.forEach((jobs, i) => jobs.forEach((j) => expect(j).toMatchObject({ leaseOwner: `w${i + 1}`, leaseUntil: now + 10_000, status: "queued" })));
      for (const j of all) expect((await getJob(db, j.id))!.leaseOwner).toBe(j.leaseOwner);
    });

    it("gives a crashed worker's jobs to another once the lease expires", async () => {
      const db = await tempDb();
      const job = await seedJob(db);
      const now = Date.now();
      expect(await claimDueJobs(db, "crashed", 1000, 1, now)).toHaveLength(1);
      expect(await claimDueJobs(db, "next", 1000, 1, now + 500)).toHaveLength(0);
      const taken = await claimDueJobs(db, "next", 1000, 1, now + 1500);
      expect(taken.map((j) => j.id)).toEqual([job.id]);
      expect((await getJob(db, job.id))!.leaseOwner).toBe("next");
    });

    it("skips jobs that are not due, finished, or released to a later time", async () => {
      const db = await tempDb();
      const now = Date.now();
      await seedJob(db, { status: "succeeded" });
      await seedJob(db, { nextCheckAt: now + 60_000 });
      const due = await seedJob(db, { nextCheckAt: now });
      const [claimed] = await claimDueJobs(db, "w", 1000, 5, now);
      expect(claimed?.id).toBe(due.id);
      await releaseLease(db, due.id, "w", now + 60_000);
      expect(await claimDueJobs(db, "w", 1000, 5, now)).toHaveLength(0);
    });

    it("claims an overdue job even when its next check is later, so deadlines are enforced", async () => {
      const db = await tempDb();
      const now = Date.now();
      const job = await seedJob(db, { status: "running", nextCheckAt: now + 60_000, deadlineAt: now - 1 });
      expect((await claimDueJobs(db, "w", 1000, 5, now)).map((j) => j.id)).toEqual([job.id]);
    });
  });

  describe("listJobs", () => {
    it("pages newest first without gaps or repeats", async () => {
      const db = await tempDb();
      const t = Date.now();
      for (let i = 0; i < 25; i++) await seedJob(db, { createdAt: t - (i % 5) * 1000 });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listJobs(db, { userId: "u1", limit: 7, cursor });
        seen.push(...page.items.map((j) => j.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      const created = await Promise.all(seen.map(async (id) => (await getJob(db, id))!.createdAt));
      expect([...created].sort((a, b) => b - a)).toEqual(created);
    });

    it("pages oldest first without gaps or repeats, the exact reverse of newest first", async () => {
      const db = await tempDb();
      const t = Date.now();
      for (let i = 0; i < 25; i++) await seedJob(db, { createdAt: t - (i % 5) * 1000 });
      const walk = async (sort: "newest" | "oldest") => {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await listJobs(db, { userId: "u1", limit: 7, cursor, sort });
          seen.push(...page.items.map((j) => j.id));
          if (!page.nextCursor) return seen;
          cursor = page.nextCursor;
        }
      };
      const oldest = await walk("oldest");
      expect(oldest).toHaveLength(25);
      expect(oldest).toEqual([...(await walk("newest"))].reverse());
    });
  });

  describe("listJobs filters", () => {
    const t = Date.now() - 60_000;
    async function seeded() {
      const db = await tempDb();
      const lighthouse = await seedJob(db, { prompt: "a lighthouse at dusk", createdAt: t, updatedAt: t });
      const fox = await seedJob(db, { prompt: "A fox in the snow", model: "replicate:google/veo-3.1-fast", provider: "replicate", status: "succeeded", createdAt: t + 1000, updatedAt: t + 5000 });
      const lights = await seedJob(db, { prompt: "city lights, café at night", status: "failed", createdAt: t + 2000, updatedAt: t + 2000 });
      const stranger = await seedJob(db, { userId: "u2", prompt: "a lighthouse at dawn", model: "replicate:google/veo-3.1-fast", provider: "replicate", createdAt: t + 3000, updatedAt: t + 9000 });
      return { db, lighthouse, fox, lights, stranger };
    }
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((j) => j.id);

    it("shows each user only their own jobs", async () => {
      const { db, lighthouse, fox, lights, stranger } = await seeded();
      expect(ids(await listJobs(db, { userId: "u1", limit: 10 }))).toEqual([lights.id, fox.id, lighthouse.id]);
      expect(ids(await listJobs(db, { userId: "u2", limit: 10 }))).toEqual([stranger.id]);
      expect(ids(await listJobs(db, { userId: "nobody", limit: 10 }))).toEqual([]);
      expect(ids(await listJobs(db, { userId: "u1", ids: [stranger.id, fox.id], limit: 10 }))).toEqual([fox.id]);
      expect(await getOwnedJob(db, stranger.id, "u1")).toBeUndefined();
      expect((await getOwnedJob(db, stranger.id, "u2"))?.id).toBe(stranger.id);
    });

    it("searches prompts by word prefix, case- and accent-insensitively, within the user's jobs", async () => {
      const { db, lighthouse, fox, lights } = await seeded();
      const search = async (q: string) => ids(await listJobs(db, { userId: "u1", search: q, limit: 10 }));
      expect(await search("lightho")).toEqual([lighthouse.id]);
      expect(await search("LIGHT")).toEqual([lights.id, lighthouse.id]);
      expect(await search("cafe")).toEqual([lights.id]);
      expect(await search("fox snow")).toEqual([fox.id]);
      expect(await search("fox dusk")).toEqual([]);
      expect(await search("dawn")).toEqual([]);
      expect(await search('"\\") OR *')).toEqual([]);
      expect(await search("lighthouse OR fox")).toEqual([]);
      expect(await search("*")).toHaveLength(3);
    });

    it("filters by model, status and favorite, and combines filters", async () => {
      const { db, lighthouse, fox, lights, stranger } = await seeded();
      expect(await setFavorite(db, fox.id, "u1", true)).toBe(true);
      expect(await setFavorite(db, stranger.id, "u1", true)).toBe(false);
      const list = async (o: Partial<Parameters<typeof listJobs>[1]>) => ids(await listJobs(db, { userId: "u1", limit: 10, ...o }));
      expect(await list({ model: "replicate:google/veo-3.1-fast" })).toEqual([fox.id]);
      expect(await list({ model: "local:preview" })).toEqual([lights.id, lighthouse.id]);
      expect(await list({ favorite: true })).toEqual([fox.id]);
      expect(await list({ favorite: false })).toHaveLength(3);
      expect(await list({ status: ["failed", "queued"] })).toEqual([lights.id, lighthouse.id]);
      expect(await list({ favorite: true, model: "local:preview" })).toEqual([]);
      expect(await list({ search: "light", status: ["failed"] })).toEqual([lights.id]);
      expect((await getJob(db, stranger.id))!.favorite).toBe(false);
    });

    it("returns only jobs updated at or after changedSince", async () => {
      const { db, fox, lights } = await seeded();
      const since = async (ms: number) => ids(await listJobs(db, { userId: "u1", changedSince: ms, limit: 10 }));
      expect(await since(t + 2000)).toEqual([lights.id, fox.id]);
      expect(await since(t + 2001)).toEqual([fox.id]);
      expect(await since(t + 5000)).toEqual([fox.id]);
      expect(await since(t + 5001)).toEqual([]);
      expect(await since(0)).toHaveLength(3);
    });
  });
});
