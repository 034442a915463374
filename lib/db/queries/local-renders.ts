import { and, desc, eq, inArray, lt, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import type { LocalRenderRow } from "../schema";

export type { LocalRenderRow };

/** States a render never leaves: a late write from its renderer must not undo them. */
const FINAL = ["succeeded", "failed", "canceled"];

/** What the renderer reports: where the render stands. */
export type LocalRenderFields = Pick<LocalRenderRow, "status" | "progress" | "etaSeconds" | "message" | "errorCode">;

/** Who made it and how to start it again, written once with the first claim. */
export interface LocalRenderOrigin {
  jobId: string | null;
  params: string | null;
  /** The first claim's owner, or null when it is left for whoever looks next (a process shutting down). */
  owner: string | null;
}

export async function insertLocalRender(db: Db, id: string, fields: LocalRenderFields, now: number, origin?: LocalRenderOrigin): Promise<void> {
  // A render left unowned at once (submitted while its process shut down) counts as handed back: claim 1, nobody's.
  const claim = origin ? { jobId: origin.jobId, params: origin.params, owner: origin.owner, attempt: 1 } : {};
  await db.orm.insert(db.t.localRenders).values({ id, ...fields, ...claim, updatedAt: now });
}

export async function getLocalRender(db: Db, id: string): Promise<LocalRenderRow | undefined> {
  const { localRenders: r } = db.t;
  const [row] = await db.orm.select().from(r).where(eq(r.id, id)).limit(1);
  return row;
}

/** The newest render made for this job (a submit whose answer was lost). */
export async function findLocalRenderForJob(db: Db, jobId: string): Promise<LocalRenderRow | undefined> {
  const { localRenders: r } = db.t;
  const [row] = await db.orm.select().from(r).where(eq(r.jobId, jobId)).orderBy(desc(r.updatedAt)).limit(1);
  return row;
}

/** Every render record (the cleanup sweep; records are pruned once ended). */
export async function listLocalRenders(db: Db): Promise<Array<Pick<LocalRenderRow, "id" | "jobId" | "status" | "updatedAt">>> {
  const { localRenders: r } = db.t;
  return db.orm.select({ id: r.id, jobId: r.jobId, status: r.status, updatedAt: r.updatedAt }).from(r);
}

/**
 * Moves an unfinished render on; false when it had already ended (canceled by another process,
 * or declared dead), or, with `attempt`, when that claim is no longer the current one (another
 * process took the render over), so its renderer learns that it should stop.
 */
export async function updateLocalRender(db: Db, id: string, fields: Partial<LocalRenderFields> & { owner?: string | null }, now: number, attempt?: number): Promise<boolean> {
  const { localRenders: r } = db.t;
  const rows = await db.orm
    .update(r)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(r.id, id), notInArray(r.status, FINAL), attempt === undefined ? undefined : eq(r.attempt, attempt)))
    .returning({ id: r.id });
  return rows.length > 0;
}

/**
 * Takes over an unfinished render whose claim `seen` is free: claim seen + 1 for `owner`, in one
 * conditional UPDATE, so of two workers trying at once exactly one wins. False when another did.
 */
export async function takeOverLocalRender(db: Db, id: string, seen: number, owner: string, fields: LocalRenderFields, now: number): Promise<boolean> {
  const { localRenders: r } = db.t;
  const rows = await db.orm
    .update(r)
    .set({ ...fields, owner, attempt: seen + 1, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.attempt, seen), notInArray(r.status, FINAL)))
    .returning({ id: r.id });
  return rows.length > 0;
}

/** Claim `attempt` began rendering (it was not just waiting in its owner's queue): one more try counted. */
export async function markLocalRenderStarted(db: Db, id: string, attempt: number, now: number): Promise<boolean> {
  const { localRenders: r } = db.t;
  const row = await getLocalRender(db, id);
  if (!row || row.attempt !== attempt) return false;
  const rows = await db.orm
    .update(r)
    .set({ startedAttempts: row.startedAttempts + 1, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.attempt, attempt), eq(r.startedAttempts, row.startedAttempts), notInArray(r.status, FINAL)))
    .returning({ id: r.id });
  return rows.length > 0;
}

/**
 * The renderer's heartbeat for the renders it holds: one UPDATE for all of them. Returns the ids
 * that are still unfinished and still this owner's; any other one was ended elsewhere (canceled)
 * or taken over, and should be stopped here.
 */
export async function touchLocalRenders(db: Db, ids: readonly string[], now: number, owner?: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { localRenders: r } = db.t;
  const rows = await db.orm
    .update(r)
    .set({ updatedAt: now })
    .where(and(inArray(r.id, [...ids]), notInArray(r.status, FINAL), owner === undefined ? undefined : eq(r.owner, owner)))
    .returning({ id: r.id });
  return new Set(rows.map((row) => row.id));
}

export async function deleteLocalRender(db: Db, id: string): Promise<void> {
  const { localRenders: r } = db.t;
  await db.orm.delete(r).where(eq(r.id, id));
}

/** Forgets ended renders no job will ask about again (a saved job releases its own at once). */
export async function pruneLocalRenders(db: Db, maxAgeMs: number, now: number): Promise<void> {
  const { localRenders: r } = db.t;
  await db.orm.delete(r).where(and(inArray(r.status, FINAL), lt(r.updatedAt, now - maxAgeMs)));
}
