import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { closeDb, openDb } from "../db/client";
import { configuredAppSecret, env } from "../env";
import { storage } from "../storage";
import { isValidKey } from "../storage/keys";
import { BackupError } from "./backup";
import { isInside, MANIFEST, manifestSchema, sha256File, type Manifest } from "./manifest";
import { postgresIsEmpty, restorePostgres } from "./pg-copy";

/** The newest migration this version of Dailies knows (its journal), to refuse backups from a newer one. */
function latestKnownMigration(dialect: "sqlite" | "pg"): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "drizzle", dialect, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Reads and checks a backup folder without changing anything: its manifest, and every file against its checksum. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const source = path.resolve(dir);
  const text = await fsp.readFile(path.join(source, MANIFEST), "utf8").catch(() => null);
  if (text === null) throw new BackupError(`${source} is not a Dailies backup: it has no ${MANIFEST} (an interrupted backup has none either).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(`The ${MANIFEST} in ${source} is damaged: it is not valid JSON.`);
  }
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) throw new BackupError(`The ${MANIFEST} in ${source} is not one this version of Dailies can read (${checked.error.issues[0]?.path.join(".") || "format"}).`);
  const manifest = checked.data;

  const entries = [manifest.database, ...(manifest.appSecret ? [manifest.appSecret] : []), ...manifest.files];
  const bad: string[] = [];
  for (const entry of entries) {
    if (!isInside(entry.file)) throw new BackupError(`The ${MANIFEST} in ${source} names a file outside the backup (${entry.file}); refusing it.`);
    const actual = await sha256File(path.join(source, entry.file)).catch(() => null);
    if (!actual || actual.sha256 !== entry.sha256 || actual.bytes !== entry.bytes) bad.push(entry.file);
  }
  for (const f of manifest.files) if (!isValidKey(f.key)) throw new BackupError(`The ${MANIFEST} in ${source} names an invalid stored file (${f.key.slice(0, 100)}).`);
  if (bad.length)
    throw new BackupError(
      `The backup in ${source} is damaged: ${bad.length} ${bad.length === 1 ? "file does" : "files do"} not match ${bad.length === 1 ? "its checksum" : "their checksums"} (${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""}). Nothing was restored.`,
    );
  return manifest;
}

/**
 * Restores a backup into this DATA_DIR (or the empty Postgres database of DATABASE_URL), which must
 * have no database yet: every checksum is checked
 * before anything is written, stored files go into the configured store, and the database is put
 * in place last, so an interrupted restore can simply be run again.
 */
export async function restore(dir: string, log: (line: string) => void = () => undefined): Promise<Manifest> {
  const e = env();
  const source = path.resolve(dir);
  const manifest = await verifyBackup(source);
  const dialect = e.DATABASE_URL ? "pg" : "sqlite";
  const engine = { sqlite: "SQLite", pg: "Postgres" };
  if (manifest.dialect !== dialect)
    throw new BackupError(`This backup is of a ${engine[manifest.dialect]} database, and this studio is set up for ${engine[dialect]}${dialect === "pg" ? " (DATABASE_URL)" : ""}. Restore it into a studio on ${engine[manifest.dialect]}.`);
  if (manifest.database.latestMigration !== null && manifest.database.latestMigration > latestKnownMigration(dialect))
    throw new BackupError("This backup was made by a newer version of Dailies than this one. Update Dailies, then restore.");
  const dbTarget = path.join(e.DATA_DIR, "dailies.db");
  if (dialect === "sqlite" && fs.existsSync(dbTarget))
    throw new BackupError(`${e.DATA_DIR} already has a database (dailies.db). Restore into an empty DATA_DIR, or move that database away first.`);
  if (e.DATABASE_URL && !(await postgresIsEmpty(e.DATABASE_URL)))
    throw new BackupError("The database DATABASE_URL names already has Dailies' tables. Restore into an empty database.");
  log(`Backup of ${manifest.createdAt} checked: ${manifest.counts.jobs} jobs, ${manifest.files.length} stored files, every checksum matches.`);

  for (const f of manifest.files) await storage().putFile(f.key, path.join(source, f.file));
  log(`Stored files restored: ${manifest.files.length}.`);

  if (manifest.appSecret) {
    const secret = (await fsp.readFile(path.join(source, manifest.appSecret.file), "utf8")).trim();
    await fsp.writeFile(path.join(e.DATA_DIR, "app-secret"), secret + "\n", { mode: 0o600 });
    const configured = configuredAppSecret();
    if (configured && configured !== secret)
      log("APP_SECRET is set in the environment and differs from the backup's: saved provider keys and webhook secrets will not open until it matches.");
  }

  if (e.DATABASE_URL) {
    await restorePostgres(e.DATABASE_URL, path.join(source, manifest.database.file)).catch((err: Error) => {
      throw new BackupError(`The database could not be restored. ${err.message}`);
    });
  } else {
    const part = `${dbTarget}.restoring`;
    await fsp.copyFile(path.join(source, manifest.database.file), part);
    await fsp.rename(part, dbTarget);
  }
  // Opening applies any migrations newer than the backup, as starting the server would.
  const db = await openDb(e.DATABASE_URL ?? dbTarget, { poolMax: 1 });
  await closeDb(db);
  log(e.DATABASE_URL ? "Database restored." : `Database restored into ${dbTarget}.`);
  return manifest;
}
