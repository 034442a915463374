/** /media serves stored files with Range, ETag and the right headers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, isFinished, postJob, watchJob } from "./support/api";
import { storedBytes } from "./support/stored-files";
import { startApp, type App } from "./support/app-server";

let app: App;
let video: string;
let file: Buffer;

beforeAll(async () => {
  app = await startApp();
  const created = await postJob(app, { model: "local:preview", prompt: "range test", durationSeconds: 2, resolution: "480p" });
  const { job } = await watchJob(app, created.body.id!, isFinished);
  video = job.video!.url;
  file = await storedBytes(app.dataDir, `videos/${job.id}.mp4`);
});
afterAll(async () => {
  await app?.stop();
});

describe("/media range requests", () => {
  it("serves the whole file with its type, length and caching headers", async () => {
    const res = await api(app, video);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
    // Next.js drops Content-Length from route handlers; the server entry (scripts/start.mjs) restores it.
    expect(res.headers.get("content-length")).toBe(String(file.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
  });

  it("answers a byte range with 206 and exactly those bytes", async () => {
    const res = await api(app, video, { headers: { range: "bytes=100-1099" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 100-1099/${file.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(file.subarray(100, 1100))).toBe(true);
  });

  it("answers open-ended and suffix ranges", async () => {
    const open = await api(app, video, { headers: { range: `bytes=${file.length - 10}-` } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer()).equals(file.subarray(file.length - 10))).toBe(true);
    const suffix = await api(app, video, { headers: { range: "bytes=-500" } });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(file.subarray(file.length - 500))).toBe(true);
  });

  it("answers 416 for a range past the end", async () => {
    const res = await api(app, video, { headers: { range: `bytes=${file.length}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${file.length}`);
  });

  it("answers 304 for a matching ETag and HEAD without a body", async () => {
    const first = await api(app, video, { method: "HEAD" });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect((await api(app, video, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("refuses keys it did not generate", async () => {
    for (const p of ["/media/videos/..%2f..%2fdailies.db", "/media/dailies.db", "/media/videos/x.mp4", "/media/app-secret"])
      expect((await api(app, p)).status).toBe(404);
  });
});
