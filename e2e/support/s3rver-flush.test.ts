/**
 * The loopback S3 server's store resolves a write only once the file is on disk in full, as real
 * S3's read-after-write consistency promises (see ./s3rver-flush). A slow disk is played by
 * holding back the store's file opens. s3rver's own pattern (resolve on the hash stream's
 * "finish") fails here with onDisk "missing", the CI symptom. (Its own code opens through
 * graceful-fs, which this hold-back does not reach, so the check is on the replacement.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import FilesystemStore from "s3rver/lib/stores/filesystem";
import "./s3rver-flush";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-s3rver-flush-"));
const realOpen = fs.open;

beforeAll(() => {
  // A write stream opens its file with fs.open: delay the ones into the store's object and part files.
  const slowOpen = (...args: Parameters<typeof fs.open>) => {
    const file = String(args[0]);
    const stored = file.startsWith(root) && !file.endsWith(".json") && !file.endsWith(".md5");
    setTimeout(() => (realOpen as (...a: unknown[]) => void)(...args), stored ? 300 : 0);
  };
  (fs as { open: unknown }).open = slowOpen;
});
afterAll(() => {
  (fs as { open: unknown }).open = realOpen;
  fs.rmSync(root, { recursive: true, force: true });
});

const body = Buffer.from("a small video, smaller than one stream buffer");
const store = () => new (FilesystemStore as unknown as new (dir: string) => FilesystemStore)(root);
/** The file's size now, synchronously, before any other I/O can finish. */
const sizeOnDisk = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? "missing";

test("an object is complete on disk when putObject resolves", async () => {
  const s = store();
  const stored = await s.putObject({ bucket: "b", key: "videos/flush1.mp4", content: Readable.from([body]), metadata: {} });
  expect({ stored: stored.size, onDisk: sizeOnDisk(s.getResourcePath("b", "videos/flush1.mp4", "object")) }).toEqual({
    stored: body.length,
    onDisk: body.length,
  });
});

test("a multipart part is complete on disk when putPart resolves", async () => {
  const s = store();
  const stored = await s.putPart("b", "upload1", 1, Readable.from([body]));
  expect({ stored: stored.size, onDisk: sizeOnDisk(path.join(s.getResourcePath("b", undefined, "uploads"), "upload1", "1")) }).toEqual({
    stored: body.length,
    onDisk: body.length,
  });
});
