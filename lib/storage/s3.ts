import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { pipeline, Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type GetObjectCommandOutput } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { contentTypeFor, isValidKey } from "./keys";
import { sizeLimit, TooLargeError } from "./size-limit";
import {
  DEFAULT_READ_MAX_BYTES,
  InvalidKeyError,
  RangeNotSatisfiableError,
  type ByteRange,
  type OpenedFile,
  type PutOptions,
  type SignedUrlOptions,
  type Storage,
  type StoredFile,
} from "./types";

export interface S3StorageConfig {
  bucket: string;
  /** Prepended to every key ("" or "team-a/dailies"). */
  prefix: string;
  /** Unset: AWS itself, from the region. */
  endpoint?: string;
  /** Where browsers reach the bucket, when it differs from `endpoint` (a compose network name). */
  publicEndpoint?: string;
  region: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (instance roles, ~/.aws). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * S3's smallest part, 4 in flight: an upload holds ~20 MiB of parts (about twice that at peak, as
 * lib-storage assembles each part) whatever the video's size; 8 MiB parts measured ~70 MB more RSS
 * copying a 500 MB output. 2 GB (MAX_OUTPUT_MB) is ~410 parts, far from S3's 10,000.
 */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 4;
const CONNECT_TIMEOUT_MS = 10_000;
/** Idle time on a socket (not total time), so a long video stream to a slow viewer is fine. */
const SOCKET_IDLE_TIMEOUT_MS = 60_000;
const MAX_SIGNED_TTL_SECONDS = 7 * 24 * 3600;

/**
 * An S3-compatible bucket (AWS S3, R2, MinIO, B2). S3 makes an object visible only when its
 * PutObject or CompleteMultipartUpload finishes, so readers never see a partial video; a failed
 * upload is aborted and leaves nothing.
 */
export class S3Storage implements Storage {
  readonly driver = "s3";
  private readonly client: S3Client;
  private readonly signer: S3Client;
  private readonly prefix: string;

  constructor(private readonly config: S3StorageConfig) {
    this.prefix = config.prefix.replace(/^\/+|\/+$/g, "");
    this.client = makeClient(config, config.endpoint);
    this.signer = config.publicEndpoint ? makeClient(config, config.publicEndpoint) : this.client;
  }

  private objectKey(key: string): string {
    if (!isValidKey(key)) throw new InvalidKeyError(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable | Buffer, opts: PutOptions = {}): Promise<StoredFile> {
    const Key = this.objectKey(key);
    const max = opts.maxBytes ?? Infinity;
    if (Buffer.isBuffer(body)) {
      if (body.length > max) throw new TooLargeError(max);
      return this.upload(key, Key, body, body.length);
    }
    let failure: Error | null = null;
    // pipeline() destroys every stream on an error, so the upload's reader sees it and aborts.
    const limited = pipeline(body, sizeLimit(max), (err) => {
      if (err) failure ??= err;
    });
    try {
      return await this.upload(key, Key, limited);
    } catch (err) {
      body.destroy();
      // The source's own error (too large, download cut) says more than the upload's reaction to it.
      throw failure ?? err;
    }
  }

  async putFile(key: string, file: string): Promise<StoredFile> {
    const Key = this.objectKey(key);
    const { size } = await fsp.stat(file);
    const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
    try {
      return await this.upload(key, Key, stream, size);
    } finally {
      stream.destroy();
    }
  }

  private async upload(key: string, Key: string, Body: Readable | Buffer, ContentLength?: number): Promise<StoredFile> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key, Body, ContentType: contentTypeFor(key), ContentLength },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    await upload.done();
    const st = await this.stat(key);
    if (!st) throw new Error(`The bucket did not keep ${key} after accepting it.`);
    return st;
  }

  async stat(key: string): Promise<StoredFile | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return describe(head.ContentLength ?? 0, head.LastModified, head.ETag);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async open(key: string, range?: ByteRange): Promise<OpenedFile | null> {
    let got: GetObjectCommandOutput;
    try {
      got = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
    } catch (err) {
      if (isMissing(err)) return null;
      if (statusOf(err) === 416) throw new RangeNotSatisfiableError((await this.stat(key))?.size ?? 0);
      throw err;
    }
    const stream = got.Body as Readable;
    const length = got.ContentLength ?? 0;
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(got.ContentRange ?? "");
    const size = m ? Number(m[3]) : length;
    const start = m ? Number(m[1]) : 0;
    const end = m ? Number(m[2]) : length - 1;
    return { ...describe(size, got.LastModified, got.ETag), stream, start, end };
  }

  async read(key: string, maxBytes = DEFAULT_READ_MAX_BYTES): Promise<Buffer | null> {
    const file = await this.open(key);
    if (!file) return null;
    if (file.size > maxBytes) {
      file.stream.destroy();
      throw new TooLargeError(maxBytes);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async signedUrl(key: string, ttlSeconds: number, opts: SignedUrlOptions = {}): Promise<string> {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_SIGNED_TTL_SECONDS)
      throw new RangeError(`A signed URL lives 1 s to 7 days, not ${ttlSeconds} s.`);
    const command = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.objectKey(key),
      ResponseCacheControl: opts.cacheControl, ResponseContentDisposition: opts.contentDisposition,
    });
    return getSignedUrl(this.signer, command, { expiresIn: ttlSeconds, signingDate: opts.signedAt });
  }
}

function makeClient(config: S3StorageConfig, endpoint: string | undefined): S3Client {
  return new S3Client({
    region: config.region,
    endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where S3 requires them: many S3-compatible stores reject the newer CRC trailers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: SOCKET_IDLE_TIMEOUT_MS,
      // Each viewer streaming a video holds a socket for as long as they watch.
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 256 }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 256 }),
    },
  });
}

function describe(size: number, lastModified: Date | undefined, etag: string | undefined): StoredFile {
  const mtimeMs = lastModified?.getTime() ?? 0;
  return { size, mtimeMs, etag: etag ?? `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"` };
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || statusOf(err) === 404;
}
