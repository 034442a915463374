/**
 * Media keeps its Content-Length through the server entry (Next.js drops it from route handler
 * responses): HEAD tells the size, full GETs are not chunked, ranges say how long they are.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob } from "../lib/db/queries/jobs";
import { createShareLink } from "../lib/share/share-links";
import { seedJobWithFiles } from "./pw/seed";
import { startApp, type App } from "./support/app-server";
import { withDb } from "./support/test-db";

let app: App;
let videoUrl: string;
let posterUrl: string;
let shareVideoUrl: string;
let video: Buffer;
let poster: Buffer;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "off" } });
  const { id } = await seedJobWithFiles(app.dataDir, app.userId, { prompt: "a lighthouse at dusk" });
  const token = await withDb(app.dataDir, async (db) => (await createShareLink(db, (await getJob(db, id))!, null))!.token);
  videoUrl = `${app.url}/media/videos/${id}.mp4`;
  posterUrl = `${app.url}/media/posters/${id}.webp`;
  shareVideoUrl = `${app.url}/s/${token}/video.mp4`;
  video = fs.readFileSync(path.join(app.dataDir, "videos", `${id}.mp4`));
  poster = fs.readFileSync(path.join(app.dataDir, "posters", `${id}.webp`));
});
afterAll(async () => {
  await app?.stop();
});

async function ask(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, headers: { ...app.auth, ...(init.headers as Record<string, string>) } });
  const body = init.method === "HEAD" ? Buffer.alloc(0) : Buffer.from(await res.arrayBuffer());
  return { status: res.status, length: res.headers.get("content-length"), chunked: res.headers.get("transfer-encoding"), privateHeader: res.headers.get("x-dailies-content-length"), body };
}

describe("Content-Length on media", () => {
  it("HEAD gives the size of the owner's video and poster", async () => {
    expect(await ask(videoUrl, { method: "HEAD" })).toMatchObject({ status: 200, length: String(video.length), privateHeader: null });
    expect(await ask(posterUrl, { method: "HEAD" })).toMatchObject({ status: 200, length: String(poster.length) });
  });

  it("a full GET is sent with its length, not chunked", async () => {
    const full = await ask(videoUrl);
    expect(full).toMatchObject({ status: 200, length: String(video.length), chunked: null, privateHeader: null });
    expect(full.body.equals(video)).toBe(true);
  });

  it("a ranged GET says how many bytes it holds", async () => {
    const part = await ask(videoUrl, { headers: { range: "bytes=100-1099" } });
    expect(part).toMatchObject({ status: 206, length: "1000", chunked: null });
    expect(part.body.equals(video.subarray(100, 1100))).toBe(true);
  });

  it("shared videos keep it too", async () => {
    expect(await ask(shareVideoUrl, { method: "HEAD" })).toMatchObject({ status: 200, length: String(video.length) });
    const part = await ask(shareVideoUrl, { headers: { range: "bytes=-500" } });
    expect(part).toMatchObject({ status: 206, length: "500" });
  });

  it("a 304 carries no length", async () => {
    const etag = (await fetch(videoUrl, { method: "HEAD", headers: app.auth })).headers.get("etag")!;
    expect(await ask(videoUrl, { headers: { "if-none-match": etag } })).toMatchObject({ status: 304, length: null });
  });
});
