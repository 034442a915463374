/**
 * The storage contract, run against both drivers: the local disk under a temp directory and the
 * S3 driver against a loopback S3 server (s3rver) with a key prefix. No mocks: real files, real HTTP.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3 } from "../../e2e/support/local-s3";
import { waitFor } from "../../e2e/support/app-server";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";
import { TooLargeError } from "./size-limit";
import { InvalidKeyError, RangeNotSatisfiableError, type Storage } from "./types";

interface Driver {
  name: "disk" | "s3";
  make(): Promise<{ store: Storage; close(): Promise<void>; leftovers(): string[] }>;
}

const drivers: Driver[] = [
  {
    name: "disk",
    async make() {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-storage-"));
      return {
        store: new LocalDiskStorage(root),
        close: async () => fs.rmSync(root, { recursive: true, force: true }),
        // Half-written uploads would sit in root/tmp.
        leftovers: () => fs.readdirSync(path.join(root, "tmp")),
      };
    },
  },
  {
    name: "s3",
    async make() {
      const s3: LocalS3 = await startLocalS3();
      return {
        store: new S3Storage(s3.config("contract/run")),
        close: () => s3.close(),
        // s3rver cannot abort multipart uploads (S3 can), so only visibility is checked there.
        leftovers: () => [],
      };
    },
  },
];

let n = 0;
/** A fresh valid key per test, so cases never see each other's objects. */
const key = (kind: "videos" | "posters" | "uploads" = "videos", ext = kind === "videos" ? "mp4" : kind === "posters" ? "webp" : "png") =>
  `${kind}/contract${(n++).toString().padStart(4, "0")}${randomBytes(4).toString("hex")}.${ext}`;

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `bytes` as a stream of 64 KiB chunks, the way a download arrives. */
function chunked(bytes: Buffer): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at >= bytes.length) return void this.push(null);
      this.push(bytes.subarray(at, at + 65536));
      at += 65536;
    },
  });
}

/** A source the test feeds by hand; `pulls` counts the consumer's requests for more. */
function handFed() {
  const state = { pulls: 0 };
  const stream = new Readable({
    read() {
      state.pulls++;
    },
  });
  return { stream, state };
}

describe.each(drivers)("storage contract: $name", (driver) => {
  let store: Storage;
  let close: () => Promise<void>;
  let leftovers: () => string[];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-storage-src-"));

  beforeAll(async () => {
    ({ store, close, leftovers } = await driver.make());
  });
  afterAll(async () => {
    await close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("puts a buffer and reads it back whole, by stat, open and read", async () => {
    const k = key("posters");
    const bytes = randomBytes(5000);
    const put = await store.put(k, bytes);
    expect(put.size).toBe(5000);
    const st = await store.stat(k);
    expect(st).toMatchObject({ size: 5000, etag: put.etag });
    expect(st!.etag).toMatch(/^".+"$/);
    const opened = await store.open(k);
    expect(opened).toMatchObject({ size: 5000, start: 0, end: 4999 });
    expect(sha(await collect(opened!.stream))).toBe(sha(bytes));
    expect(sha((await store.read(k))!)).toBe(sha(bytes));
  });

  it("streams a 20 MB put (several S3 parts) without changing a byte", async () => {
    const k = key();
    const bytes = randomBytes(20 * 1024 * 1024 + 123);
    const put = await store.put(k, chunked(bytes), { maxBytes: 64 * 1024 * 1024 });
    expect(put.size).toBe(bytes.length);
    expect(sha(await collect((await store.open(k))!.stream))).toBe(sha(bytes));
  });

  it("copies a local file with putFile and leaves the file where it was", async () => {
    const k = key();
    const file = path.join(scratch, "clip.mp4");
    const bytes = randomBytes(300_000);
    fs.writeFileSync(file, bytes);
    const put = await store.putFile(k, file);
    expect(put.size).toBe(bytes.length);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(sha((await store.read(k))!)).toBe(sha(bytes));
  });

  it("opens byte ranges, clamps an end past the object, and refuses a start past it", async () => {
    const k = key();
    const bytes = randomBytes(1000);
    await store.put(k, bytes);

    // Safari's first probe. (Not bytes=0-0: s3rver reads an end of 0 as "to the end"; S3 does not.)
    const first = await store.open(k, { start: 0, end: 1 });
    expect(first).toMatchObject({ size: 1000, start: 0, end: 1 });
    expect((await collect(first!.stream)).equals(bytes.subarray(0, 2))).toBe(true);

    const middle = await store.open(k, { start: 100, end: 199 });
    expect(middle).toMatchObject({ size: 1000, start: 100, end: 199 });
    expect((await collect(middle!.stream)).equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await store.open(k, { start: 990, end: 5000 });
    expect(tail).toMatchObject({ size: 1000, start: 990, end: 999 });
    expect((await collect(tail!.stream)).equals(bytes.subarray(990))).toBe(true);

    await expect(store.open(k, { start: 1000, end: 1100 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
  });

  it("answers null for a missing object and deletes idempotently", async () => {
    const k = key();
    expect(await store.stat(k)).toBeNull();
    expect(await store.open(k)).toBeNull();
    expect(await store.open(k, { start: 0, end: 10 })).toBeNull();
    expect(await store.read(k)).toBeNull();
    await store.delete(k);

    await store.put(k, randomBytes(10));
    await store.delete(k);
    expect(await store.stat(k)).toBeNull();
    expect(await store.open(k)).toBeNull();
  });

  it("replaces an object on a second put, with a new entity tag", async () => {
    const k = key("uploads");
    const a = await store.put(k, randomBytes(100));
    const bytes = randomBytes(200);
    const b = await store.put(k, bytes);
    expect(b.etag).not.toBe(a.etag);
    expect(await store.stat(k)).toMatchObject({ size: 200, etag: b.etag });
    expect((await store.read(k))!.equals(bytes)).toBe(true);
  });

  it("rejects a put past maxBytes and stores nothing, from a buffer or a stream", async () => {
    const k = key();
    await expect(store.put(k, randomBytes(2000), { maxBytes: 1000 })).rejects.toBeInstanceOf(TooLargeError);
    await expect(store.put(k, chunked(randomBytes(12 * 1024 * 1024)), { maxBytes: 10 * 1024 * 1024 })).rejects.toBeInstanceOf(TooLargeError);
    expect(await store.stat(k)).toBeNull();
    expect(leftovers()).toEqual([]);
  });

  it("refuses to read a small object whole past the caller's cap", async () => {
    const k = key("posters");
    await store.put(k, randomBytes(4096));
    await expect(store.read(k, 1024)).rejects.toBeInstanceOf(TooLargeError);
    expect((await store.read(k, 4096))!.length).toBe(4096);
  });

  it("never shows a partial object: nothing until the put completes, then all of it", async () => {
    const k = key();
    const bytes = randomBytes(9 * 1024 * 1024 + 17);
    const cut = 9 * 1024 * 1024; // more than one S3 part
    const { stream, state } = handFed();
    stream.push(bytes.subarray(0, cut));
    const pullsBefore = state.pulls;
    const putting = store.put(k, stream);
    // The driver has taken every byte given so far and asks for more.
    await waitFor(() => stream.readableLength === 0 && state.pulls > pullsBefore, 10_000, () => "the driver to drain the source");
    expect(await store.stat(k)).toBeNull();
    expect(await store.open(k)).toBeNull();
    stream.push(bytes.subarray(cut));
    stream.push(null);
    await putting;
    expect(sha((await store.read(k, 64 * 1024 * 1024))!)).toBe(sha(bytes));
  });

  it("keeps the old object whole while a new one is written, and after that write fails", async () => {
    const k = key();
    const old = randomBytes(50_000);
    await store.put(k, old);
    const { stream, state } = handFed();
    stream.push(randomBytes(6 * 1024 * 1024));
    const pullsBefore = state.pulls;
    const putting = store.put(k, stream);
    await waitFor(() => stream.readableLength === 0 && state.pulls > pullsBefore, 10_000, () => "the driver to drain the source");
    expect(sha((await store.read(k))!)).toBe(sha(old));
    // The download is cut off: the put fails with the source's error and the old object stays.
    stream.destroy(new Error("connection reset by the provider"));
    await expect(putting).rejects.toThrow("connection reset by the provider");
    expect(await store.stat(k)).toMatchObject({ size: old.length });
    expect(sha((await store.read(k))!)).toBe(sha(old));
    expect(leftovers()).toEqual([]);
  });

  it("refuses every key it did not make, in every method", async () => {
    const file = path.join(scratch, "any.mp4");
    fs.writeFileSync(file, "x");
    const bad = ["../dailies.db", "videos/../app-secret", "videos/short.mp4", "/etc/passwd", "videos/abcdefgh.exe", "tmp/abcdefgh.mp4", "app-secret", "videos/abcdefgh.mp4/../../x", ""];
    for (const k of bad) {
      await expect(store.put(k, Buffer.from("x")), k).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.putFile(k, file), k).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.open(k), k).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.stat(k), k).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.read(k), k).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.delete(k), k).rejects.toBeInstanceOf(InvalidKeyError);
      if (store.signedUrl) await expect(store.signedUrl(k, 60), k).rejects.toBeInstanceOf(InvalidKeyError);
    }
  });

  if (driver.name === "disk") {
    it("offers no signed URLs (files on disk are streamed by our routes)", () => {
      expect(store.signedUrl).toBeUndefined();
    });
  } else {
    it("signs URLs that serve the object, with Range, chosen caching, and an expiry", async () => {
      const k = key();
      const bytes = randomBytes(10_000);
      await store.put(k, bytes);
      const url = await store.signedUrl!(k, 120, { cacheControl: "private, max-age=60" });
      expect(url).toContain("X-Amz-Expires=120");

      const whole = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      expect(whole.status).toBe(200);
      expect(whole.headers.get("content-type")).toBe("video/mp4");
      expect(whole.headers.get("cache-control")).toBe("private, max-age=60");
      expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

      const part = await fetch(url, { headers: { range: "bytes=100-199" }, signal: AbortSignal.timeout(10_000) });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe("bytes 100-199/10000");
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

      // Signed two minutes ago for one minute: expired.
      const stale = await store.signedUrl!(k, 60, { signedAt: new Date(Date.now() - 120_000) });
      expect((await fetch(stale, { signal: AbortSignal.timeout(10_000) })).status).toBe(403);

      await expect(store.signedUrl!(k, 0)).rejects.toBeInstanceOf(RangeError);
      await expect(store.signedUrl!(k, 8 * 24 * 3600)).rejects.toBeInstanceOf(RangeError);
    });

    it("keeps objects under its prefix in the bucket", async () => {
      const k = key("posters");
      await store.put(k, randomBytes(10));
      const url = new URL(await store.signedUrl!(k, 60));
      expect(url.pathname).toBe(`/dailies-test/contract/run/${k}`);
    });
  }
});
