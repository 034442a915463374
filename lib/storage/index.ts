import "server-only";
import path from "node:path";
import { env, type Settings } from "../env";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage, type S3StorageConfig } from "./s3";
import type { Storage } from "./types";

export type StorageConfig = { driver: "disk"; root: string } | ({ driver: "s3" } & S3StorageConfig);

/** The configured store: DATA_DIR on disk, or the bucket in STORAGE_URL. */
export function storageConfig(e: Settings = env()): StorageConfig {
  if (!e.STORAGE_URL) return { driver: "disk", root: path.resolve(e.DATA_DIR) };
  const credentials =
    e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY, sessionToken: e.AWS_SESSION_TOKEN }
      : undefined;
  return {
    driver: "s3",
    ...e.STORAGE_URL,
    endpoint: e.S3_ENDPOINT,
    publicEndpoint: e.S3_PUBLIC_ENDPOINT,
    region: e.S3_REGION,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials,
  };
}

/** How media leaves us: a redirect to a presigned URL (the bucket serves the bytes) or a stream through this server. */
export function mediaDelivery(e: Settings = env()): "redirect" | "stream" {
  return e.MEDIA_DELIVERY ?? (e.STORAGE_URL ? "redirect" : "stream");
}

export function createStorage(config: StorageConfig): Storage {
  return config.driver === "disk" ? new LocalDiskStorage(config.root) : new S3Storage(config);
}

const holder = globalThis as typeof globalThis & { __dailiesStorage?: { config: string; storage: Storage } };

/** One store per process; rebuilt only when the settings change (tests switch DATA_DIR between cases). */
export function storage(): Storage {
  const config = storageConfig();
  const id = JSON.stringify(config);
  if (holder.__dailiesStorage?.config !== id) holder.__dailiesStorage = { config: id, storage: createStorage(config) };
  return holder.__dailiesStorage.storage;
}

export { TooLargeError } from "./size-limit";
export type { Storage, StoredFile, OpenedFile } from "./types";
