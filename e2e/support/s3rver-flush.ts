/**
 * s3rver 3.7.1 answers a PUT (and an UploadPart) once the body has passed through its hash, not
 * once the file it writes is flushed and closed: a HEAD right after can answer 404, and a
 * multipart completion can read a part that is still being written. Real S3 is read-after-write
 * consistent, so the fake is made so too: these two store methods resolve after the file closes.
 * (CI saw "The bucket did not keep videos/….mp4 after accepting it" while seeding 2,000 jobs.)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import FilesystemStore from "s3rver/lib/stores/filesystem";

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

/** Writes `content` to `file` and answers its size and MD5 once the file is closed. */
async function writeHashed(content: Buffer | Readable, file: string): Promise<{ size: number; md5: string }> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const hash = crypto.createHash("md5");
  let size = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
  await pipeline(source, counting, fs.createWriteStream(file));
  return { size, md5: hash.digest("hex") };
}

const proto = FilesystemStore.prototype;

proto.putObject = async function putObject(object: StoredObject) {
  const stored = await writeHashed(object.content, this.getResourcePath(object.bucket, object.key, "object"));
  await this.putMetadata(object.bucket, object.key, object.metadata, stored.md5);
  return stored;
};

proto.putPart = async function putPart(bucket: string, uploadId: string, partNumber: number, content: Readable) {
  const partPath = path.join(this.getResourcePath(bucket, undefined, "uploads"), uploadId, String(partNumber));
  const stored = await writeHashed(content, partPath);
  await fsp.writeFile(`${partPath}.md5`, stored.md5);
  return stored;
};
