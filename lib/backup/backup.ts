import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { closeDb, openDb } from "../db/client";
import { env } from "../env";
import { writeHashed } from "../media/hashed-write";
import { storage } from "../storage";
import { isValidKey } from "../storage/keys";
import { MANIFEST, sha256File, type Manifest } from "./manifest";
import { dumpPostgres, postgresFacts } from "./pg-copy";
import { copySqlite, sqliteFacts, type SqliteFacts } from "./sqlite-copy";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * Backs the studio up into `dir` (new or empty) while it runs: the database first, as of one
 * moment (SQLite's online backup API, or pg_dump's snapshot on Postgres), then every stored file that copy names (keys never change
 * content, so a later copy of a file is the same file), the app secret that opens sealed settings,
 * and last the manifest with every file's SHA-256.
 */
export async function backup(dir: string, log: (line: string) => void = () => undefined): Promise<Manifest> {
  const e = env();
  const target = path.resolve(dir);
  const existing = await fsp.readdir(target).catch(() => null);
  if (existing && existing.length) throw new BackupError(`${target} is not empty: back up into a new or empty folder.`);
  await fsp.mkdir(path.join(target, "database"), { recursive: true, mode: 0o700 });
  await fsp.chmod(target, 0o700);

  const dialect = e.DATABASE_URL ? "pg" : "sqlite";
  const dbRel = dialect === "pg" ? "database/dailies.pgdump" : "database/dailies.db";
  const dbFile = path.join(target, dbRel);
  let facts: SqliteFacts;
  if (e.DATABASE_URL) {
    await dumpPostgres(e.DATABASE_URL, dbFile).catch((err: Error) => {
      throw new BackupError(`The database could not be dumped. ${err.message}`);
    });
    // Read after the dump: every file the dump names still has its job here (or was deleted meanwhile: "missing").
    const live = await openDb(e.DATABASE_URL, { poolMax: 1 });
    try {
      facts = await postgresFacts(live);
    } finally {
      await closeDb(live);
    }
  } else {
    const source = path.join(e.DATA_DIR, "dailies.db");
    if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}: check DATA_DIR.`);
    await copySqlite(source, dbFile);
    facts = sqliteFacts(dbFile);
  }
  await fsp.chmod(dbFile, 0o600);
  log(`Database copied: ${facts.users} people, ${facts.jobs} jobs.`);

  const files: Manifest["files"] = [];
  const missing: string[] = [];
  for (const key of facts.keys) {
    if (!isValidKey(key)) continue;
    const opened = await storage().open(key);
    if (!opened) {
      missing.push(key);
      continue;
    }
    const rel = path.posix.join("files", key);
    const { bytes, digest } = await writeHashed(opened.stream, path.join(target, rel), { algorithm: "sha256", mode: 0o600 });
    files.push({ key, file: rel, bytes, sha256: digest });
  }
  log(`Stored files copied: ${files.length}${missing.length ? ` (${missing.length} deleted while the backup ran)` : ""}.`);

  let appSecret: Manifest["appSecret"] = null;
  const secretFile = path.join(e.DATA_DIR, "app-secret");
  if (fs.existsSync(secretFile)) {
    await fsp.copyFile(secretFile, path.join(target, "app-secret"));
    await fsp.chmod(path.join(target, "app-secret"), 0o600);
    appSecret = { file: "app-secret", ...(await sha256File(path.join(target, "app-secret"))) };
  }

  const manifest: Manifest = {
    format: "dailies-backup",
    version: 1,
    createdAt: new Date().toISOString(),
    dialect,
    database: { file: dbRel, ...(await sha256File(dbFile)), latestMigration: facts.latestMigration },
    appSecret,
    files,
    missing,
    counts: { users: facts.users, jobs: facts.jobs, videos: facts.videos },
  };
  const tmp = path.join(target, `${MANIFEST}.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
  await fsp.rename(tmp, path.join(target, MANIFEST));
  return manifest;
}
