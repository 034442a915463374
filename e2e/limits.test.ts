/**
 * Per-user limits hold under concurrent requests to the real server: the slot is reserved in the
 * same transaction that checks it, so requests racing each other cannot all see "one left".
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerId } from "../lib/auth/instance";
import { listApiTokens } from "../lib/db/queries/api-tokens";
import { countActiveJobs } from "../lib/db/queries/jobs";
import { listUsers } from "../lib/db/queries/users";
import { ACTIVE_STATUSES } from "../lib/jobs/states";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { postJob } from "./support/api";
import { startApp, startServer, type App } from "./support/app-server";
import { callAction } from "./support/server-action";
import { filesOnDisk } from "./support/stored-files";
import { seedJob, withDb } from "./support/test-db";

let fake: ReplicateFake;
let app: App;

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 100, processingMs: 500, slowMs: 120_000 } });
  app = await startApp({ env: { REPLICATE_API_TOKEN: fake.token, REPLICATE_BASE_URL: fake.baseUrl } });
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const statusCounts = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].sort().map((s) => [s, statuses.filter((x) => x === s).length]));

describe("the 20-active-jobs cap", () => {
  it("accepts exactly 20 of 30 concurrent image jobs on a paid model, and the provider sees 20", async () => {
    const still = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#335577" } }).jpeg().toBuffer();
    const tag = "[fake:slow] a crowd in the square";
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postJob(app, { model: "replicate:google/veo-3.1-fast", prompt: `${tag} #${i}`, aspectRatio: "16:9", durationSeconds: 8 }, { bytes: still, name: "still.jpg", type: "image/jpeg" }),
      ),
    );
    expect(statusCounts(answers.map((a) => a.status))).toEqual({ 201: 20, 429: 10 });
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error?.message).toMatch(/20 videos in progress/);
    expect(await withDb(app.dataDir, (db) => countActiveJobs(db, app.userId, ACTIVE_STATUSES))).toBe(20);
    // No stored image is left behind by a refused request.
    expect(await filesOnDisk(app.dataDir, "uploads")).toHaveLength(20);
    // Every accepted job reaches Replicate; nothing beyond them ever does.
    await expect.poll(() => fake.submissions.filter((s) => String(s.input.prompt).startsWith(tag)).length, { timeout: 30_000 }).toBe(20);
    expect(fake.attempts.filter((s) => String(s.input.prompt).startsWith(tag))).toHaveLength(20);
  });
});

describe("API tokens and share links", () => {
  const TOKENS = "lib/actions/api-tokens.ts";
  const SHARES = "lib/actions/share-links.ts";

  it("mints at most 25 API tokens however many requests race", async () => {
    const have = (await withDb(app.dataDir, (db) => listApiTokens(db, app.userId))).length;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => callAction(app.url, TOKENS, "createApiTokenAction", [`script ${i}`], app.auth)));
    const minted = answers.filter((a) => (a.value as { ok?: boolean } | null)?.ok === true).length;
    expect(minted).toBe(25 - have);
    expect((await withDb(app.dataDir, (db) => listApiTokens(db, app.userId))).length).toBe(25);
    const refused = answers.find((a) => (a.value as { ok?: boolean } | null)?.ok === false)!.value as { error: string };
    expect(refused.error).toMatch(/already have 25 API tokens/);
  });

  it("makes at most 20 live links to one video however many requests race", async () => {
    const job = await withDb(app.dataDir, (db) =>
      seedJob(db, { userId: app.userId, status: "succeeded", progress: 1, videoKey: "videos/none.mp4", posterKey: "posters/none.webp", completedAt: Date.now() }),
    );
    const answers = await Promise.all(Array.from({ length: 30 }, () => callAction(app.url, SHARES, "createShareLinkAction", [job.id, null], app.auth)));
    const made = answers.filter((a) => (a.value as { ok?: boolean } | null)?.ok === true).length;
    expect(made).toBe(20);
    const listed = await callAction(app.url, SHARES, "listShareLinksAction", [job.id], app.auth);
    expect((listed.value as { value: unknown[] }).value).toHaveLength(20);
  });
});

describe("the first account", () => {
  it("is the only one made when six people sign up at once on a fresh studio, and it owns the studio", async () => {
    const fresh = await startServer();
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => {
          const form = new FormData();
          form.set("name", `Person ${i}`);
          form.set("email", `person-${i}@example.com`);
          form.set("password", `a long password ${i}`);
          return callAction(fresh.url, "lib/actions/sign-up.ts", "signUp", [null, form]);
        }),
      );
      const users = await withDb(fresh.dataDir, (db) => listUsers(db));
      expect(users).toHaveLength(1);
      expect(await withDb(fresh.dataDir, (db) => ownerId(db))).toBe(users[0]!.id);
      expect(answers.filter((a) => a.redirect === "/")).toHaveLength(1);
      const closed = answers.filter((a) => a.redirect === null).map((a) => (a.value as { error?: string } | null)?.error);
      expect(closed).toHaveLength(5);
      for (const message of closed) expect(message).toMatch(/Sign-up is closed/);
    } finally {
      await fresh.stop();
    }
  });
});
