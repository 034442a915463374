/**
 * s3rver 3.7.1 answers a PUT (and an UploadPart) once the body has passed through its hash, not
 * once the file it writes is flushed and closed: a HEAD right after can answer 404, and a
 * multipart completion can read a part that is still being written. Real S3 is read-after-write
 * consistent, so the fake is made so too: these two store methods resolve after the file closes.
 * (CI saw "The bucket did not keep videos/….mp4 after accepting it" while seeding 2,000 jobs.)
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import FilesystemStore from "s3rver/lib/stores/filesystem";
import { writeHashed } from "../../lib/media/hashed-write";

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

/** s3rver's answer for a stored body: its size and MD5. */
async function store(content: Buffer | Readable, file: string): Promise<{ size: number; md5: string }> {
  const { bytes, digest } = await writeHashed(Buffer.isBuffer(content) ? Readable.from([content]) : content, file, { algorithm: "md5" });
  return { size: bytes, md5: digest };
}

const proto = FilesystemStore.prototype;

proto.putObject = async function putObject(object: StoredObject) {
  const stored = await store(object.content, this.getResourcePath(object.bucket, object.key, "object"));
  await this.putMetadata(object.bucket, object.key, object.metadata, stored.md5);
  return stored;
};

proto.putPart = async function putPart(bucket: string, uploadId: string, partNumber: number, content: Readable) {
  const partPath = path.join(this.getResourcePath(bucket, undefined, "uploads"), uploadId, String(partNumber));
  const stored = await store(content, partPath);
  await fsp.writeFile(`${partPath}.md5`, stored.md5);
  return stored;
};
