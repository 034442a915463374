/**
 * A loopback S3 server (s3rver, from npm) on 127.0.0.1 with its objects in a temp directory and
 * one bucket, for tests and benchmarks of the S3 driver without a cloud account. It checks a
 * presigned URL's expiry but not its signature, and lets unsigned requests in; real S3 does both.
 * Its writes are made read-after-write consistent first (./s3rver-flush), as real S3's are.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import "./s3rver-flush";
import type { S3StorageConfig } from "../../lib/storage/s3";

/** s3rver's built-in account. */
const ACCESS_KEY = "S3RVER";

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** Where s3rver keeps objects on disk (to assert a file is really in the bucket, not under DATA_DIR). */
  directory: string;
  /** Driver settings for `prefix` inside the bucket. */
  config(prefix?: string): S3StorageConfig;
  /** The same, as the app's environment. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalS3(bucket = "dailies-test"): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, vhostBuckets: false, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    config: (prefix = "") => ({
      bucket,
      prefix,
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    }),
    env: (prefix = "") => ({
      STORAGE_URL: `s3://${bucket}${prefix ? `/${prefix}` : ""}`,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: ACCESS_KEY,
    }),
    async close() {
      // Keep-alive sockets from the SDK would otherwise hold close() for the server's idle timeout.
      const closing = server.close();
      server.httpServer?.closeAllConnections();
      await closing;
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
