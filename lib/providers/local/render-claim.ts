/**
 * Which process renders a local render, kept on disk beside it so that any process of the studio
 * (the web server's embedded worker, `npm run worker`, either one after a restart) can tell, and
 * take over a render nobody is doing:
 *
 *   DATA_DIR/renders/<id>/claims/<n>/   attempt n, claimed by the process that created the folder
 *                                       (mkdir is atomic: of two processes trying, one gets EEXIST)
 *     owner                             who claimed it (lib/runtime/process-identity)
 *     beat                              touched every few seconds while the owner works on it
 *     released                          written when the owner hands the render back (a graceful stop)
 *     started                           written when the owner began rendering (not just queued it)
 *
 * The highest n is the current claim. It is free to take over, by creating n + 1, once it was
 * released, its owner has certainly exited, or its beat is older than the lease (an owner on
 * another machine, or one that hangs).
 */
import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { formatIdentity, isCertainlyGone, parseIdentity, type ProcessIdentity } from "../../runtime/process-identity";

/** A claim whose owner has not beaten for this long is free (only matters when its death cannot be proven). */
export const RENDER_LEASE_MS = 20_000;
export const BEAT_EVERY_MS = 4_000;

export interface RenderClaim {
  attempt: number;
  owner: ProcessIdentity | null;
  beatAt: number;
  released: boolean;
}

const claimsDir = (dir: string) => path.join(dir, "claims");
const attemptDir = (dir: string, attempt: number) => path.join(claimsDir(dir), String(attempt));

async function highestAttempt(dir: string): Promise<number> {
  const names = await fsp.readdir(claimsDir(dir)).catch(() => [] as string[]);
  return names.reduce((max, n) => (/^\d+$/.test(n) ? Math.max(max, Number(n)) : max), 0);
}

/** The current claim, or null when the render was never claimed. */
export async function currentClaim(dir: string): Promise<RenderClaim | null> {
  const attempt = await highestAttempt(dir);
  if (attempt === 0) return null;
  const at = attemptDir(dir, attempt);
  const [owner, beat, created, released] = await Promise.all([
    fsp.readFile(path.join(at, "owner"), "utf8").then(parseIdentity, () => null),
    fsp.stat(path.join(at, "beat")).then((s) => s.mtimeMs, () => null),
    fsp.stat(at).then((s) => s.mtimeMs, () => 0),
    fsp.stat(path.join(at, "released")).then(() => true, () => false),
  ]);
  // Between mkdir and the first beat the claim is being set up: count from the folder's creation.
  return { attempt, owner, beatAt: beat ?? created, released };
}

/** Whether nobody is working on the render under this claim. */
export function isFree(claim: RenderClaim | null, now = Date.now()): boolean {
  if (!claim || claim.released) return true;
  if (claim.owner && isCertainlyGone(claim.owner)) return true;
  return now - claim.beatAt > RENDER_LEASE_MS;
}

/** Claims attempt `attempt`; false when another process claimed it first. */
export async function takeClaim(dir: string, attempt: number, me: ProcessIdentity): Promise<boolean> {
  await fsp.mkdir(claimsDir(dir), { recursive: true });
  try {
    await fsp.mkdir(attemptDir(dir, attempt));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  await fsp.writeFile(path.join(attemptDir(dir, attempt), "owner"), formatIdentity(me));
  await beat(dir, attempt);
  return true;
}

/** Renews the claim; false when it is no longer ours (a later attempt exists, or the render's files are gone). */
export async function beat(dir: string, attempt: number): Promise<boolean> {
  if ((await highestAttempt(dir)) !== attempt) return false;
  const file = path.join(attemptDir(dir, attempt), "beat");
  const now = new Date();
  try {
    await fsp.utimes(file, now, now);
  } catch {
    try {
      await fsp.writeFile(file, "");
    } catch {
      return false;
    }
  }
  return true;
}

/** Hands the render back: the next process to look may take it over at once. */
export async function releaseClaim(dir: string, attempt: number): Promise<void> {
  await fsp.writeFile(path.join(attemptDir(dir, attempt), "released"), "").catch(() => undefined);
}

/** Whether `attempt` is still the current, unreleased claim. */
export async function stillCurrent(dir: string, attempt: number): Promise<boolean> {
  const claim = await currentClaim(dir);
  return claim !== null && claim.attempt === attempt && !claim.released;
}

/** Marks attempt `attempt` as having begun rendering, as opposed to waiting in its owner's queue. */
export async function markStarted(dir: string, attempt: number): Promise<void> {
  await fsp.writeFile(path.join(attemptDir(dir, attempt), "started"), "").catch(() => undefined);
}

/**
 * How many attempts began rendering. Only those count as tries: a render that was still waiting for
 * a slot when its process stopped was not interrupted, however often that happens.
 */
export async function startedAttempts(dir: string): Promise<number> {
  const names = (await fsp.readdir(claimsDir(dir)).catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const started = await Promise.all(names.map((n) => fsp.stat(path.join(claimsDir(dir), n, "started")).then(() => true, () => false)));
  return started.filter(Boolean).length;
}
