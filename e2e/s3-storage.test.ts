/**
 * The studio on an S3-compatible bucket (s3rver on loopback): a local-preview job's video lands
 * in the bucket and not under DATA_DIR, /media redirects to a presigned URL that serves the bytes
 * with Range, share media redirects only while the link lives, and deleting the job empties the bucket.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob, insertJob } from "../lib/db/queries/jobs";
import type { Job } from "../lib/db/schema";
import { createShareLink, revokeShareLink } from "../lib/share/share-links";
import { S3Storage } from "../lib/storage/s3";
import { api, isFinished, postJob, watchJob } from "./support/api";
import { startApp, type App } from "./support/app-server";
import { startLocalS3, type LocalS3 } from "./support/local-s3";
import { databaseTarget } from "./support/test-db";

let s3: LocalS3;
let bucket: S3Storage;
let app: App;
let db: Db;
let job: Job;
let video: Buffer;

const manual = (init: RequestInit = {}): RequestInit => ({ redirect: "manual", signal: AbortSignal.timeout(15_000), ...init });

beforeAll(async () => {
  s3 = await startLocalS3("dailies-e2e");
  bucket = new S3Storage(s3.config("studio"));
  app = await startApp({ env: s3.env("studio") });
  db = await openDb(databaseTarget(app.dataDir));
  const created = await postJob(app, { model: "local:preview", prompt: "a lighthouse at dusk, slow dolly in", durationSeconds: 2, resolution: "480p" });
  const watched = await watchJob(app, created.body.id!, isFinished);
  expect(watched.job.status, watched.job.error?.message).toBe("succeeded");
  job = (await getJob(db, watched.job.id))!;
  video = (await bucket.read(job.videoKey!, 100 * 1024 * 1024))!;
});
afterAll(async () => {
  if (db) await closeDb(db);
  await app?.stop();
  await s3?.close();
});

describe("studio on S3 storage", () => {
  it("stores the video and poster in the bucket, not under DATA_DIR", async () => {
    expect(video.length).toBe(job.videoBytes);
    expect(video.subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect(await bucket.stat(job.posterKey!)).not.toBeNull();
    expect(fs.existsSync(path.join(app.dataDir, job.videoKey!))).toBe(false);
    expect(fs.existsSync(path.join(app.dataDir, job.posterKey!))).toBe(false);
    // And nothing the copy used is left in the scratch directory.
    const scratch = path.join(app.dataDir, "tmp");
    expect(fs.existsSync(scratch) ? fs.readdirSync(scratch) : []).toEqual([]);
  });

  it("redirects the owner's /media to a presigned URL that answers a Range with 206", async () => {
    const res = await fetch(`${app.url}/media/${job.videoKey}`, manual({ headers: { ...app.auth, range: "bytes=100-1099" } }));
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(new URL(location).origin).toBe(s3.endpoint);
    expect(location).toContain("X-Amz-Signature=");
    // What a browser does next: the same Range, to the bucket, without our cookie or token.
    const part = await fetch(location, { headers: { range: "bytes=100-1099" }, signal: AbortSignal.timeout(15_000) });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${video.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(100, 1100))).toBe(true);

    // HEAD is answered by us (a GET signature does not cover it).
    const head = await fetch(`${app.url}/media/${job.videoKey}`, manual({ method: "HEAD", headers: app.auth }));
    expect(head.status).toBe(200);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
  });

  it("names the download in the presigned URL", async () => {
    const res = await fetch(`${app.url}/media/${job.videoKey}?download`, manual({ headers: app.auth }));
    expect(res.status).toBe(302);
    const file = await fetch(res.headers.get("location")!, { signal: AbortSignal.timeout(15_000) });
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="a-lighthouse-at-dusk-slow-dolly-in.mp4"; filename*=UTF-8''a-lighthouse-at-dusk-slow-dolly-in.mp4`);
    await file.body?.cancel();
  });

  it("still hides the video from anyone else: no redirect without access", async () => {
    const res = await fetch(`${app.url}/media/${job.videoKey}`, manual());
    expect(res.status).toBe(404);
    expect(res.headers.get("location")).toBeNull();
  });

  it("streams through the server with Range when MEDIA_DELIVERY=stream, from the same bucket", async () => {
    const streaming = await startApp({ env: { ...s3.env("studio"), MEDIA_DELIVERY: "stream" } });
    try {
      const sdb = await openDb(databaseTarget(streaming.dataDir));
      try {
        // The same stored objects, owned by this instance's owner (a second studio on one bucket).
        await insertJob(sdb, { ...job, userId: streaming.userId });
      } finally {
        await closeDb(sdb);
      }
      const res = await fetch(`${streaming.url}/media/${job.videoKey}`, manual({ headers: { ...streaming.auth, range: "bytes=0-999" } }));
      expect(res.status).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes 0-999/${video.length}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(0, 1000))).toBe(true);
    } finally {
      await streaming.stop();
    }
  });

  it("points the share page at its own routes, redirects them briefly, and stops at once on revoke", async () => {
    const { token } = (await createShareLink(db, job, null))!;
    const page = await fetch(`${app.url}/s/${token}`, { signal: AbortSignal.timeout(15_000) });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`src="/s/${token}/video.mp4"`);
    expect(html).not.toContain(s3.endpoint);
    expect(html).not.toContain("X-Amz-");

    const res = await fetch(`${app.url}/s/${token}/video.mp4`, manual({ headers: { range: "bytes=0-99" } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const signed = new URL(res.headers.get("location")!);
    expect(Number(signed.searchParams.get("X-Amz-Expires"))).toBeLessThanOrEqual(120);
    const part = await fetch(signed, { headers: { range: "bytes=0-99" }, signal: AbortSignal.timeout(15_000) });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(0, 100))).toBe(true);

    expect(await revokeShareLink(db, token, job.userId!)).toBe(true);
    for (const p of [`/s/${token}`, `/s/${token}/video.mp4`, `/s/${token}/poster.jpg`]) {
      const gone = await fetch(app.url + p, manual());
      expect(gone.status, p).toBe(404);
      expect(gone.headers.get("location"), p).toBeNull();
    }
  });

  it("deletes the objects from the bucket with the job", async () => {
    const res = await api(app, `/api/jobs/${job.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await bucket.stat(job.videoKey!)).toBeNull();
    expect(await bucket.stat(job.posterKey!)).toBeNull();
  });
});
