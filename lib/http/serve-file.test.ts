/**
 * Media delivery after the access check, on both drivers: streamed with Range from disk or from
 * the bucket (GetObject with Range), or redirected to a presigned URL that the bucket answers
 * with Range itself. Real stores: a temp directory and a loopback S3 server.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3 } from "../../e2e/support/local-s3";
import { LocalDiskStorage } from "../storage/local-disk";
import { S3Storage } from "../storage/s3";
import type { Storage } from "../storage/types";
import { serveStoredFile, type Presign } from "./serve-file";

const KEY = "videos/servefiletest0001.mp4";
const OWNER: Presign = { ttlSeconds: 3600, cacheRedirect: true };
const SHARE: Presign = { ttlSeconds: 120, cacheRedirect: false };
const bytes = randomBytes(200_000);

let s3: LocalS3;
let root: string;
let disk: Storage;
let bucket: Storage;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-serve-"));
  disk = new LocalDiskStorage(root);
  s3 = await startLocalS3();
  bucket = new S3Storage(s3.config("serve"));
  await disk.put(KEY, bytes);
  await bucket.put(KEY, bytes);
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (headers: Record<string, string> = {}, method = "GET") => new Request("http://studio.test/media/" + KEY, { method, headers });
const body = async (res: Response) => Buffer.from(await res.arrayBuffer());
const opts = (presign?: Presign) => ({ withBody: true, cacheControl: "private, max-age=31536000, immutable", presign });

describe.each([
  { name: "disk", store: () => disk },
  { name: "s3", store: () => bucket },
])("streamed from $name", ({ store }) => {
  it("serves the whole file, a range (206), a past-the-end range (416), 304 and HEAD", async () => {
    const deps = { store: store(), delivery: "stream" as const };
    const whole = await serveStoredFile(get(), KEY, opts(OWNER), deps);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect((await body(whole)).equals(bytes)).toBe(true);

    const part = await serveStoredFile(get({ range: "bytes=1000-1999" }), KEY, opts(OWNER), deps);
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect((await body(part)).equals(bytes.subarray(1000, 2000))).toBe(true);

    const suffix = await serveStoredFile(get({ range: "bytes=-100" }), KEY, opts(OWNER), deps);
    expect((await body(suffix)).equals(bytes.subarray(bytes.length - 100))).toBe(true);

    const past = await serveStoredFile(get({ range: `bytes=${bytes.length}-` }), KEY, opts(OWNER), deps);
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${bytes.length}`);

    const head = await serveStoredFile(get({}, "HEAD"), KEY, { ...opts(OWNER), withBody: false }, deps);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    expect((await serveStoredFile(get({ "if-none-match": head.headers.get("etag")! }), KEY, opts(OWNER), deps)).status).toBe(304);
  });

  it("answers 404 for a key with no object", async () => {
    const res = await serveStoredFile(get(), "videos/servefilemissing1.mp4", opts(OWNER), { store: store(), delivery: "stream" });
    expect(res.status).toBe(404);
  });
});

describe("redirected to a presigned URL", () => {
  it("sends the owner to a URL the bucket answers with Range, and lets the browser reuse the redirect", async () => {
    // One second into a signing window (half the TTL long).
    const now = Math.floor(Date.now() / 1_800_000) * 1_800_000 + 1000;
    const res = await serveStoredFile(get({ range: "bytes=0-" }), KEY, opts(OWNER), { store: bucket, delivery: "redirect", now });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(new URL(location).origin).toBe(s3.endpoint);
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("cache-control")!)![1]);
    // Reused for at most a quarter of the TTL, so a reused URL still has time to play.
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(OWNER.ttlSeconds * 0.75);

    const part = await fetch(location, { headers: { range: "bytes=500-1499" }, signal: AbortSignal.timeout(10_000) });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 500-1499/${bytes.length}`);
    expect(part.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await body(part)).equals(bytes.subarray(500, 1500))).toBe(true);

    // Within one signing window the URL is the same, so the browser's cache of the bytes holds.
    const again = await serveStoredFile(get(), KEY, opts(OWNER), { store: bucket, delivery: "redirect", now: now + 60_000 });
    expect(again.headers.get("location")).toBe(location);
    const next = await serveStoredFile(get(), KEY, opts(OWNER), { store: bucket, delivery: "redirect", now: now + 1_800_000 });
    expect(next.headers.get("location")).not.toBe(location);
  });

  it("gives shares a URL that lives at most two minutes and a redirect that is never reused", async () => {
    const now = Date.now();
    const res = await serveStoredFile(get(), KEY, { ...opts(SHARE), cacheControl: "private, no-cache" }, { store: bucket, delivery: "redirect", now });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const url = new URL(res.headers.get("location")!);
    const signedAt = Date.parse(url.searchParams.get("X-Amz-Date")!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
    const expiresAt = signedAt + Number(url.searchParams.get("X-Amz-Expires")) * 1000;
    expect(expiresAt - now).toBeLessThanOrEqual(120_000);
    expect(expiresAt - now).toBeGreaterThanOrEqual(59_000);
    expect((await fetch(url, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
  });

  it("names a download in the presigned URL and in a streamed answer alike", async () => {
    const name = "a-lighthouse-at-dusk-déjà-vu.mp4";
    const redirected = await serveStoredFile(get(), KEY, { ...opts(OWNER), downloadAs: name }, { store: bucket, delivery: "redirect" });
    const fromBucket = await fetch(redirected.headers.get("location")!, { signal: AbortSignal.timeout(10_000) });
    const streamed = await serveStoredFile(get(), KEY, { ...opts(OWNER), downloadAs: name }, { store: disk, delivery: "stream" });
    for (const res of [fromBucket, streamed]) {
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="a-lighthouse-at-dusk-deja-vu.mp4"; filename*=UTF-8''a-lighthouse-at-dusk-d%C3%A9j%C3%A0-vu.mp4`);
      await res.body?.cancel();
    }
  });

  it("streams instead when asked to (a bucket private to the network), when the store cannot sign, and for HEAD", async () => {
    const streamed = await serveStoredFile(get({ range: "bytes=0-99" }), KEY, opts(OWNER), { store: bucket, delivery: "stream" });
    expect(streamed.status).toBe(206);
    expect((await body(streamed)).equals(bytes.subarray(0, 100))).toBe(true);

    const fromDisk = await serveStoredFile(get({ range: "bytes=0-99" }), KEY, opts(OWNER), { store: disk, delivery: "redirect" });
    expect(fromDisk.status).toBe(206);

    const head = await serveStoredFile(get({}, "HEAD"), KEY, { ...opts(OWNER), withBody: false }, { store: bucket, delivery: "redirect" });
    expect(head.status).toBe(200);
    expect(head.headers.get("location")).toBeNull();

    const noPresign = await serveStoredFile(get(), KEY, opts(), { store: bucket, delivery: "redirect" });
    expect(noPresign.status).toBe(200);
  });
});
