/**
 * Seeds jobs straight into a running studio's database (`<dataDir>/dailies.db`), for tests and
 * benchmarks where the gallery, not the composer, is under test. Succeeded rows point at real,
 * playable files: one sample MP4 and its poster (the app's own poster maker, 640 wide), put into
 * the studio's own store (e2e/support/stored-files): hard-linked per job on disk, so 2,000 jobs cost
 * milliseconds, and uploaded through the S3 driver when the studio runs on a bucket.
 */
import fs from "node:fs";
import path from "node:path";
import { transaction } from "../../lib/db/client";
import { insertJobs } from "../../lib/db/queries/jobs";
import { findUserIdByEmail } from "../../lib/db/queries/users";
import type { JobStatus, NewJob } from "../../lib/db/schema";
import { makePoster } from "../../lib/media/poster";
import { seededRandom } from "../../lib/media/seeded-random";
import { sampleVideo } from "../fixtures/sample-video";
import { storageOf } from "../support/stored-files";
import { jobRow, withDb } from "../support/test-db";

/** Models the seeded gallery mixes; the Model filter's option values are these ids. */
export const SEED_MODELS = ["local:preview", "replicate:kwaivgi/kling-v2.1", "fal:fal-ai/ltx-video", "replicate:minimax/hailuo-02"] as const;

const SUBJECTS = ["a lighthouse", "a red fox", "a paper boat", "a neon city", "a snowy owl", "a desert caravan", "a glass teapot", "an old tram"];
const ACTIONS = ["at dusk", "in the rain", "under northern lights", "drifting on a pond", "crossing a bridge", "in slow motion"];
const CAMERAS = ["slow dolly in", "pan left", "tilt up", "static shot", "dolly out"];
const STYLES = ["cinematic", "watercolor", "35mm film", "pastel animation"];
/** A rare word (about 1 prompt in 40), so a search has a small, exactly known answer. */
export const RARE_WORD = "zeppelin";

export interface SeededJob {
  id: string;
  status: JobStatus;
  model: string;
  favorite: boolean;
  prompt: string;
  createdAt: number;
}

/** The account's id, looked up by email (sign-up goes through the UI first). */
export function userIdByEmail(dataDir: string, email: string): Promise<string> {
  return withDb(dataDir, async (db) => {
    const id = await findUserIdByEmail(db, email.toLowerCase());
    if (!id) throw new Error(`no account with email ${email} in ${dataDir}`);
    return id;
  });
}

/**
 * Inserts `n` jobs for `userId`, newest first one minute apart ending now: about 70% succeeded,
 * 15% failed, 14% canceled and 1% running (parked far in the future, so no worker touches them),
 * four models, 10% favorites. Returns them newest first, so tests can compute expected answers.
 */
export async function seedJobs(dataDir: string, userId: string, n: number, now = Date.now()): Promise<SeededJob[]> {
  const random = seededRandom(n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const rows: SeedRow[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const status: JobStatus = i % 100 === 7 ? "running" : r < 0.7 ? "succeeded" : r < 0.85 ? "failed" : "canceled";
    const rare = random() < 1 / 40 ? ` with a ${RARE_WORD} overhead` : "";
    const prompt = `${pick(SUBJECTS)} ${pick(ACTIONS)}${rare}, ${pick(CAMERAS)}, ${pick(STYLES)} (#${i + 1})`;
    rows.push(seedRow(userId, { status, model: pick(SEED_MODELS), prompt, favorite: random() < 0.1, createdAt: now - i * 60_000 }));
  }
  await insertWithFiles(dataDir, rows);
  return rows.map(seeded);
}

/**
 * One job with chosen fields, with real files when it succeeded. Defaults: test-db's job row
 * (a 2 s 480p local preview), but succeeded, and parked so no worker picks it up.
 */
export async function seedJobWithFiles(dataDir: string, userId: string, fields: Partial<NewJob> = {}): Promise<SeededJob> {
  const row = seedRow(userId, fields);
  await insertWithFiles(dataDir, [row]);
  return seeded(row);
}

/** Where a job's stored video lives with the disk driver (storageOf(dataDir) answers for any driver). */
export function videoFile(dataDir: string, jobId: string): string {
  return path.join(dataDir, "videos", `${jobId}.mp4`);
}

export function posterFile(dataDir: string, jobId: string): string {
  return path.join(dataDir, "posters", `${jobId}.webp`);
}

const FAR_FUTURE = Date.UTC(2100, 0, 1);

type SeedRow = NewJob & { id: string; status: JobStatus };

const seeded = (j: SeedRow): SeededJob => ({ id: j.id, status: j.status, model: j.model, favorite: !!j.favorite, prompt: j.prompt, createdAt: j.createdAt });

/** test-db's job row, finished as `status` says (succeeded unless told), with times that look lived-in. */
function seedRow(userId: string, fields: Partial<NewJob>): SeedRow {
  const status = fields.status ?? "succeeded";
  const createdAt = fields.createdAt ?? Date.now();
  // Never in the future: a row "changed later" would show up in every changedSince poll.
  const settled = Math.min(createdAt + 30_000, Date.now());
  const row = jobRow({
    userId,
    progress: 0,
    createdAt,
    updatedAt: settled,
    submittedAt: Math.min(createdAt + 1_000, settled),
    // Parked: the worker only claims rows that are due, and these never are.
    nextCheckAt: FAR_FUTURE,
    deadlineAt: FAR_FUTURE,
    ...fields,
  });
  const byStatus: Partial<NewJob> =
    status === "succeeded"
      ? {
          progress: 1,
          videoKey: `videos/${row.id}.mp4`,
          posterKey: `posters/${row.id}.webp`,
          videoBytes: 0, // filled in from the sample
          videoDurationSeconds: 2,
          videoWidth: 320,
          videoHeight: 180,
          videoCodec: "h264",
          completedAt: settled,
        }
      : status === "failed"
        ? { errorCode: "provider_error", errorMessage: "The provider had a temporary problem. Try again.", completedAt: settled }
        : status === "canceled"
          ? { progress: 0.3, completedAt: settled }
          : { progress: 0.4, etaSeconds: 60 };
  return { ...row, ...byStatus, ...fields, id: row.id, status };
}

async function insertWithFiles(dataDir: string, rows: NewJob[]): Promise<void> {
  const sample = await samplesIn(dataDir);
  const store = storageOf(dataDir);
  const link = linker();
  const place =
    store.driver === "disk"
      ? async (key: string, file: string) => link(file, path.join(dataDir, key))
      : async (key: string, file: string) => void (await store.putFile(key, file));
  for (const dir of ["videos", "posters"]) if (store.driver === "disk") fs.mkdirSync(path.join(dataDir, dir), { recursive: true });
  for (const row of rows) {
    if (row.videoKey) {
      await place(row.videoKey, sample.video);
      row.videoBytes = sample.videoBytes;
    }
    if (row.posterKey) await place(row.posterKey, sample.poster);
  }
  await withDb(dataDir, (db) => transaction(db, (tx) => insertJobs(tx, rows)));
}

/**
 * Hard-links `file` at `dest`. A file may have only so many links (ext4: 65,000; the 100,000-job
 * bench gallery needs more), so at the cap it goes on from a fresh copy of the file.
 */
function linker(): (file: string, dest: string) => void {
  const current = new Map<string, string>();
  let copies = 0;
  return (file, dest) => {
    try {
      fs.linkSync(current.get(file) ?? file, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EMLINK") throw err;
      const copy = `${file}.${++copies}`;
      fs.copyFileSync(file, copy);
      current.set(file, copy);
      fs.linkSync(copy, dest);
    }
  };
}

const samples = new Map<string, Promise<{ video: string; poster: string; videoBytes: number }>>();

/** One sample pair per data directory (hard links cannot cross file systems): the run's 2 s sample video, copied in, and its poster. */
function samplesIn(dataDir: string) {
  let p = samples.get(dataDir);
  if (!p) {
    p = (async () => {
      const dir = path.join(dataDir, "seed-samples");
      fs.mkdirSync(dir, { recursive: true });
      const video = path.join(dir, "sample.mp4");
      const poster = path.join(dir, "sample.webp");
      fs.copyFileSync(await sampleVideo({ seconds: 2, width: 320, height: 180 }), video);
      await makePoster(video, poster, { durationSeconds: 2 });
      return { video, poster, videoBytes: fs.statSync(video).size };
    })();
    samples.set(dataDir, p);
  }
  return p;
}
