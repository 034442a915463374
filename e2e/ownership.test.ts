/**
 * Every job and file belongs to one user: another user, or nobody, gets 404 for it through the API and
 * /media, and the list shows only the asker's jobs (with its filters, search and cheap polling).
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../lib/auth/api-tokens";
import { countJobsWithPrompt, setFavorite } from "../lib/db/queries/jobs";
import type { JobJson } from "../lib/jobs/serialize";
import { api, as, getJobJson, isFinished, listJobsJson, postJob, watchJob, type ApiClient } from "./support/api";
import { isStored } from "./support/stored-files";
import { startApp, type App } from "./support/app-server";
import { bearer, seedUser, type SeededUser } from "./support/seed-user";
import { seedJob, withDb } from "./support/test-db";

let app: App; // asks as A, the owner
let b: SeededUser;
let B: ApiClient;
let nobody: ApiClient;
let jobA: JobJson;

beforeAll(async () => {
  app = await startApp();
  b = await seedUser(app.dataDir, { name: "B" });
  B = as(app, b);
  nobody = as(app, null);
  const still = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#446688" } }).jpeg().toBuffer();
  const created = await postJob(app, { model: "local:preview", prompt: "A's harbour at noon, slow dolly in", aspectRatio: "16:9", durationSeconds: 2, resolution: "480p" }, { bytes: still, name: "still.jpg", type: "image/jpeg" });
  expect(created.status).toBe(201);
  jobA = (await watchJob(app, created.body.id!, isFinished)).job;
  expect(jobA.status).toBe("succeeded");
});
afterAll(async () => {
  await app?.stop();
});

const mediaOf = (job: JobJson) => [job.video!.url, job.video!.posterUrl, job.imageUrl!];

describe("another user", () => {
  it("gets 404 for A's job on read, delete and cancel, and changes nothing", async () => {
    expect((await api(B, `/api/jobs/${jobA.id}`)).status).toBe(404);
    expect((await api(B, `/api/jobs/${jobA.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await api(B, `/api/jobs/${jobA.id}/cancel`, { method: "POST" })).status).toBe(404);
    // A's own cancel of a finished job is a 409: B's 404 is not the same answer by accident.
    expect((await api(app, `/api/jobs/${jobA.id}/cancel`, { method: "POST" })).status).toBe(409);
    expect(await getJobJson(app, jobA.id)).toEqual(jobA);
    expect(await isStored(app.dataDir, `videos/${jobA.id}.mp4`)).toBe(true);
  });

  it("gets 404 for A's video, poster and upload, with or without a range", async () => {
    const [video, poster, upload] = mediaOf(jobA);
    expect(video).toMatch(/^\/media\/videos\//);
    expect(poster).toMatch(/^\/media\/posters\//);
    expect(upload).toMatch(/^\/media\/uploads\//);
    for (const p of [video!, poster!, upload!]) {
      expect((await api(B, p)).status).toBe(404);
      expect((await api(B, p, { method: "HEAD" })).status).toBe(404);
    }
    expect((await api(B, video!, { headers: { range: "bytes=0-99" } })).status).toBe(404);
  });

  it("sees only their own jobs in the list, and A never sees theirs", async () => {
    expect((await listJobsJson(B)).items).toEqual([]);
    const created = await postJob(B, { model: "local:preview", prompt: "B's quiet meadow", durationSeconds: 2, resolution: "480p" });
    expect(created.status).toBe(201);
    const idB = created.body.id!;
    expect((await api(B, `/api/jobs/${idB}/cancel`, { method: "POST" })).status).toBe(200);

    expect((await listJobsJson(B)).items.map((j) => j.id)).toEqual([idB]);
    expect((await listJobsJson(B, `ids=${jobA.id},${idB}`)).items.map((j) => j.id)).toEqual([idB]);
    expect((await listJobsJson(B, "q=harbour")).items).toEqual([]);
    const listA = (await listJobsJson(app)).items.map((j) => j.id);
    expect(listA).toContain(jobA.id);
    expect(listA).not.toContain(idB);
    expect((await api(app, `/api/jobs/${idB}`)).status).toBe(404);
  });
});

describe("nobody", () => {
  it("gets 401 on list and create, and creates nothing", async () => {
    const list = await api(nobody, "/api/jobs");
    expect(list.status).toBe(401);
    expect(((await list.json()) as { error: { message: string } }).error.message).toMatch(/API token/);
    const create = await postJob(nobody, { model: "local:preview", prompt: "an anonymous job", durationSeconds: 2 });
    expect(create.status).toBe(401);
    expect(await withDb(app.dataDir, (db) => countJobsWithPrompt(db, "an anonymous job"))).toBe(0);
  });

  it("gets 404 on a job and its files", async () => {
    expect((await api(nobody, `/api/jobs/${jobA.id}`)).status).toBe(404);
    expect((await api(nobody, `/api/jobs/${jobA.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await api(nobody, `/api/jobs/${jobA.id}/cancel`, { method: "POST" })).status).toBe(404);
    for (const p of mediaOf(jobA)) expect((await api(nobody, p)).status).toBe(404);
  });

  it("is who a forged session cookie or a bad, unknown or revoked token is", async () => {
    const asking = (headers: Record<string, string>): ApiClient => ({ url: app.url, auth: headers });
    const unknown = `dly_${"A".repeat(43)}`;
    const fakes = [
      { cookie: "better-auth.session_token=forged.value" },
      bearer(unknown),
      bearer("not-a-token"),
      bearer(`${app.token}x`),
      bearer("dly_" + "x".repeat(500)),
      { authorization: app.token }, // no "Bearer"
    ];
    for (const headers of fakes) {
      expect((await api(asking(headers), "/api/jobs")).status, JSON.stringify(headers)).toBe(401);
      expect((await api(asking(headers), `/api/jobs/${jobA.id}`)).status).toBe(404);
      expect((await api(asking(headers), jobA.video!.url)).status).toBe(404);
    }

    const { token, row } = await withDb(app.dataDir, (db) => createApiToken(db, app.userId, "short-lived").then((t) => t!));
    expect((await api(asking(bearer(token)), `/api/jobs/${jobA.id}`)).status).toBe(200);
    await withDb(app.dataDir, (db) => revokeApiToken(db, app.userId, row.id));
    expect((await api(asking(bearer(token)), "/api/jobs")).status).toBe(401);
    expect((await api(asking(bearer(token)), `/api/jobs/${jobA.id}`)).status).toBe(404);
  });
});

describe("the owner", () => {
  it("still gets their job and every file of it", async () => {
    expect((await getJobJson(app, jobA.id)).status).toBe("succeeded");
    const types = ["video/mp4", "image/webp", "image/jpeg"];
    for (const [i, p] of mediaOf(jobA).entries()) {
      const res = await api(app, p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("content-type")).toBe(types[i]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const range = await api(app, jobA.video!.url, { headers: { range: "bytes=0-99" } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
  });
});

describe("list filters, search and polling", () => {
  let cUser: SeededUser;
  let c: ApiClient;
  const t0 = Date.now() - 60_000;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    cUser = await seedUser(app.dataDir, { name: "C" });
    c = as(app, cUser);
    // Finished rows, so the embedded worker leaves them alone; times spaced a second apart.
    const rows = [
      { key: "lighthouse", prompt: "a lighthouse at dusk", model: "local:preview" },
      { key: "fox", prompt: "a fox in the snow, slow pan", model: "replicate:google/veo-3.1-fast", provider: "replicate" },
      { key: "lights", prompt: "city lights at night", model: "local:preview" },
      { key: "quote", prompt: 'she said "or else" (quietly)', model: "local:preview" },
    ];
    await withDb(app.dataDir, async (db) => {
      for (const [i, r] of rows.entries()) {
        const at = t0 + i * 1000;
        const job = await seedJob(db, { userId: cUser.userId, prompt: r.prompt, model: r.model, provider: r.provider ?? "local", status: "canceled", createdAt: at, updatedAt: at });
        ids[r.key] = job.id;
      }
      await setFavorite(db, ids.fox!, cUser.userId, true);
    });
  });

  const idsOf = async (query: string) => (await listJobsJson(c, query)).items.map((j) => j.id);

  it("lists newest first", async () => {
    expect(await idsOf("")).toEqual([ids.quote, ids.lights, ids.fox, ids.lighthouse]);
  });

  it("filters by model and by favorite", async () => {
    expect(await idsOf("model=replicate%3Agoogle%2Fveo-3.1-fast")).toEqual([ids.fox]);
    expect(await idsOf("model=local%3Apreview")).toEqual([ids.quote, ids.lights, ids.lighthouse]);
    expect(await idsOf("model=nobody%3Anothing")).toEqual([]);
    expect(await idsOf("favorite=true")).toEqual([ids.fox]);
    expect(await idsOf("favorite=true&model=local%3Apreview")).toEqual([]);
    expect((await api(c, "/api/jobs?favorite=yes")).status).toBe(400);
  });

  it("searches prompts by word prefix", async () => {
    expect(await idsOf("q=lightho")).toEqual([ids.lighthouse]);
    expect(await idsOf("q=LIGHT")).toEqual([ids.lights, ids.lighthouse]);
    expect(await idsOf("q=fox%20pan")).toEqual([ids.fox]);
    expect(await idsOf("q=fox%20dusk")).toEqual([]);
    expect(await idsOf("q=unicorn")).toEqual([]);
    // Search only looks inside the asker's own jobs.
    expect(await idsOf("q=harbour")).toEqual([]);
  });

  it("treats quotes and FTS operators as plain words, never as syntax", async () => {
    for (const q of ['"\\") OR *', '") OR *', "NEAR(a b)", "lighthouse AND", "*", '"', "-fox", "prompt:fox", "a'b", "(((", "^dusk"]) {
      expect((await api(c, `/api/jobs?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    expect(await idsOf(`q=${encodeURIComponent('"or else"')}`)).toEqual([ids.quote]);
    expect(await idsOf(`q=${encodeURIComponent("lighthouse OR fox")}`)).toEqual([]);
  });

  it("returns only rows updated at or after changedSince", async () => {
    expect(await idsOf(`changedSince=${t0 + 2000}`)).toEqual([ids.quote, ids.lights]);
    expect(await idsOf(`changedSince=${t0 + 2001}`)).toEqual([ids.quote]);
    expect(await idsOf(`changedSince=${t0 + 60_000}`)).toEqual([]);
    expect(await idsOf("changedSince=0")).toHaveLength(4);
    expect((await api(c, "/api/jobs?changedSince=yesterday")).status).toBe(400);
  });

  it("answers an unchanged poll with 304, and a changed one with the new list", async () => {
    const first = await api(c, "/api/jobs?status=canceled");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await api(c, "/api/jobs?status=canceled", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another user's ETag for the same URL is not this one.
    expect((await api(B, "/api/jobs?status=canceled", { headers: { "if-none-match": etag! } })).status).toBe(200);

    await withDb(app.dataDir, (db) => setFavorite(db, ids.lights!, cUser.userId, true));
    const changed = await api(c, "/api/jobs?status=canceled", { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const body = (await changed.json()) as { items: JobJson[] };
    expect(body.items.find((j) => j.id === ids.lights)?.favorite).toBe(true);
  });
});
