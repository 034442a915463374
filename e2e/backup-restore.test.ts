/**
 * `npm run admin -- backup` while the production server renders, then `restore` into a fresh
 * DATA_DIR: every stored file matches its checksum, every finished video probes as a video, and a
 * server started on the restored folder serves them. A damaged, incomplete, newer or misplaced
 * backup is refused with a sentence, and leaves the target untouched.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestSchema, sha256File, type Manifest } from "../lib/backup/manifest";
import { listJobHistory } from "../lib/db/queries/job-history";
import { getJob } from "../lib/db/queries/jobs";
import { probe } from "../lib/media/probe";
import { runAdminCli } from "./support/admin-cli";
import { api, postJob, watchJob, isFinished } from "./support/api";
import { startApp, startServer, type App, type Server } from "./support/app-server";
import { storedFileOnDisk } from "./support/stored-files";
import { emptyDatabaseFor, tempDataDir, withDb } from "./support/test-db";

let app: App;
let restored: Server | null = null;
let backupDir: string;
let restoredDir: string;
let manifest: Manifest;
const done: string[] = [];
let rendering: string;
let backupStartedAt: number;

beforeAll(async () => {
  app = await startApp();
  for (const prompt of ["a harbour at dawn, slow dolly in", "a red fox in the snow, pan left"]) {
    const { body } = await postJob(app, { model: "local:preview", prompt, durationSeconds: 2, resolution: "480p" });
    const { job } = await watchJob(app, body.id!, isFinished, 90_000);
    expect(job.status).toBe("succeeded");
    done.push(job.id);
  }
  // a long render, under way while the backup runs
  rendering = (await postJob(app, { model: "local:preview", prompt: "a long lighthouse night, tilt up", durationSeconds: 10, resolution: "1080p" })).body.id!;
  await watchJob(app, rendering, (j) => j.history.some((h) => h.to === "submitted"), 60_000);

  backupDir = path.join(tempDataDir("dailies-backup-"), "backup");
  backupStartedAt = Date.now();
  const made = await runAdminCli(app.dataDir, ["backup", backupDir]);
  expect(made, made.stderr).toMatchObject({ code: 0 });
  expect(made.stdout).toContain("Backup complete");
  manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8")));

  restoredDir = tempDataDir("dailies-restored-");
  await emptyDatabaseFor(restoredDir);
  const back = await runAdminCli(restoredDir, ["restore", backupDir]);
  expect(back, back.stderr).toMatchObject({ code: 0 });
  expect(back.stdout).toContain("Restore complete");
}, 300_000);

afterAll(async () => {
  await restored?.stop();
  await app?.stop();
});

describe("backup and restore", () => {
  it("copies the database as of one moment during a render, with every stored file", async () => {
    // The restored database is the backup's copy, on either engine. Recorded facts, not a moment caught: the render finished only after the backup began, and the copy
    // holds its history up to one moment of it (a prefix of what the live studio recorded), ending in the copy's status.
    const live = await withDb(app.dataDir, (db) => listJobHistory(db, rendering));
    const ended = live.find((h) => h.toStatus === "succeeded");
    expect(ended?.at ?? Infinity, "the render was under way when the backup began").toBeGreaterThan(backupStartedAt);
    await withDb(restoredDir, async (db) => {
      const copied = await listJobHistory(db, rendering);
      const step = (h: (typeof live)[number]) => [h.fromStatus, h.toStatus, h.at, h.source];
      expect(copied.map(step)).toEqual(live.slice(0, copied.length).map(step));
      expect((await getJob(db, rendering))!.status).toBe(copied.at(-1)!.toStatus);
      const finished = await Promise.all(done.map((id) => getJob(db, id)));
      expect(finished.map((j) => j?.status)).toEqual(["succeeded", "succeeded"]);
    });
    expect(manifest.counts.videos).toBe(2);
    // two finished jobs: video and poster each; the render's input is text only
    expect(manifest.files.map((f) => f.key).sort()).toEqual(done.flatMap((id) => [`posters/${id}.webp`, `videos/${id}.mp4`]).sort());
    expect(manifest.missing).toEqual([]);
    expect(manifest.appSecret).not.toBeNull();
    expect((fs.statSync(backupDir).mode & 0o777).toString(8)).toBe("700");
  });

  it("restores every file with its checksum, and every video plays", async () => {
    for (const f of manifest.files) {
      const file = await storedFileOnDisk(restoredDir, f.key);
      expect(await sha256File(file), f.key).toEqual({ sha256: f.sha256, bytes: f.bytes });
    }
    for (const id of done) {
      const p = await probe(await storedFileOnDisk(restoredDir, `videos/${id}.mp4`));
      expect(p.durationSeconds).toBeGreaterThan(1.5);
      expect(p.width).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(restoredDir, "app-secret"), "utf8").trim()).toBe(fs.readFileSync(path.join(app.dataDir, "app-secret"), "utf8").trim());
  });

  it("gives a server on the restored folder the same people, jobs and videos", async () => {
    restored = await startServer({ dataDir: restoredDir, env: { WORKER: "off" } });
    const client = { url: restored.url, auth: app.auth };
    const list = (await (await api(client, "/api/jobs?status=succeeded")).json()) as { items: { id: string; video: { url: string } }[] };
    expect(list.items.map((j) => j.id).sort()).toEqual([...done].sort());
    const video = await api(client, list.items[0]!.video.url);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    await video.arrayBuffer();
  });

  it("refuses a damaged backup, and restores nothing", async () => {
    const damaged = path.join(tempDataDir("dailies-damaged-"), "b");
    fs.cpSync(backupDir, damaged, { recursive: true });
    const victim = path.join(damaged, manifest.files[0]!.file);
    const bytes = fs.readFileSync(victim);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    fs.writeFileSync(victim, bytes);
    const target = tempDataDir("dailies-restore-target-");
    const r = await runAdminCli(target, ["restore", damaged]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is damaged: 1 file does not match its checksum");
    expect(r.stderr).toContain(manifest.files[0]!.file);
    expect(r.stderr).toContain("Nothing was restored.");
    expect(fs.existsSync(path.join(target, "dailies.db"))).toBe(false);
    expect(fs.existsSync(path.join(target, "videos"))).toBe(false);
  });

  it("refuses an incomplete backup, one from a newer Dailies, and a DATA_DIR that has a database", async () => {
    const incomplete = path.join(tempDataDir("dailies-incomplete-"), "b");
    fs.cpSync(backupDir, incomplete, { recursive: true });
    fs.rmSync(path.join(incomplete, "manifest.json"));
    const none = await runAdminCli(tempDataDir(), ["restore", incomplete]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("is not a Dailies backup: it has no manifest.json");

    const newer = path.join(tempDataDir("dailies-newer-"), "b");
    fs.cpSync(backupDir, newer, { recursive: true });
    fs.writeFileSync(path.join(newer, "manifest.json"), JSON.stringify({ ...manifest, database: { ...manifest.database, latestMigration: 9_999_999_999_999 } }));
    const future = await runAdminCli(tempDataDir(), ["restore", newer]);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain("made by a newer version of Dailies");

    const occupied = await runAdminCli(restoredDir, ["restore", backupDir]);
    expect(occupied.code).toBe(1);
    expect(occupied.stderr).toMatch(/already has (a database|Dailies' tables)/);

    const again = await runAdminCli(app.dataDir, ["backup", backupDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is not empty");
  });
});
