/**
 * The store of a studio this test process started, whichever driver it runs: tests seed and
 * inspect stored videos through it instead of assuming files under DATA_DIR.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseSettings } from "../../lib/env";
import { createStorage, storageConfig } from "../../lib/storage";
import type { Storage } from "../../lib/storage/types";

const settingsByDataDir = new Map<string, Record<string, string>>();
const stores = new Map<string, Storage>();

/** Called by app-server for every server it starts, with the environment the server got. */
export function rememberServerEnv(dataDir: string, env: Record<string, string>): void {
  settingsByDataDir.set(dataDir, env);
  stores.delete(dataDir);
}

/** The server's store: its STORAGE_URL bucket, or its DATA_DIR (also for a DATA_DIR no server was started on). */
export function storageOf(dataDir: string): Storage {
  let store = stores.get(dataDir);
  if (!store) {
    // As app-server spawns it: this process's environment under the server's own settings.
    const env = { ...process.env, ...settingsByDataDir.get(dataDir) };
    store = createStorage(storageConfig(parseSettings({ ...env, DATA_DIR: dataDir })));
    stores.set(dataDir, store);
  }
  return store;
}

export async function isStored(dataDir: string, key: string): Promise<boolean> {
  return (await storageOf(dataDir).stat(key)) !== null;
}

export async function storedBytes(dataDir: string, key: string): Promise<Buffer> {
  const bytes = await storageOf(dataDir).read(key, 1024 * 1024 * 1024);
  if (!bytes) throw new Error(`${key} is not in the store of ${dataDir}`);
  return bytes;
}

/** A local file with the object's bytes, for ffprobe: the stored file itself on disk, a temp copy from a bucket. */
export async function storedFileOnDisk(dataDir: string, key: string): Promise<string> {
  const store = storageOf(dataDir);
  if (store.driver === "disk") return path.join(dataDir, key);
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dailies-stored-")), path.basename(key));
  fs.writeFileSync(copy, await storedBytes(dataDir, key));
  return copy;
}

/**
 * Every file under `dataDir/<sub>` (recursively, relative to `sub`), for a studio whose store is its
 * DATA_DIR: tests that check nothing is left behind list the disk itself.
 */
export async function filesOnDisk(dataDir: string, sub = ""): Promise<string[]> {
  const root = path.join(dataDir, sub);
  const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}
