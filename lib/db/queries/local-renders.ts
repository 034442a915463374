import { and, eq, inArray, lt, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import type { LocalRenderRow } from "../schema";

export type { LocalRenderRow };

/** States a render never leaves: a late write from its renderer must not undo them. */
const FINAL = ["succeeded", "failed", "canceled"];

export type LocalRenderFields = Omit<LocalRenderRow, "id" | "updatedAt">;

export async function insertLocalRender(db: Db, id: string, fields: LocalRenderFields, now: number): Promise<void> {
  await db.orm.insert(db.t.localRenders).values({ id, ...fields, updatedAt: now });
}

export async function getLocalRender(db: Db, id: string): Promise<LocalRenderRow | undefined> {
  const { localRenders: r } = db.t;
  const [row] = await db.orm.select().from(r).where(eq(r.id, id)).limit(1);
  return row;
}

/**
 * Moves an unfinished render on; false when it had already ended (canceled by another process,
 * or declared dead), so its renderer learns that it should stop.
 */
export async function updateLocalRender(db: Db, id: string, fields: LocalRenderFields, now: number): Promise<boolean> {
  const { localRenders: r } = db.t;
  const rows = await db.orm
    .update(r)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(r.id, id), notInArray(r.status, FINAL)))
    .returning({ id: r.id });
  return rows.length > 0;
}

/**
 * The renderer's heartbeat for the renders it holds: one UPDATE for all of them. Returns the ids
 * that are still unfinished; any other one was ended elsewhere (canceled) and should be stopped here.
 */
export async function touchLocalRenders(db: Db, ids: readonly string[], now: number): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { localRenders: r } = db.t;
  const rows = await db.orm
    .update(r)
    .set({ updatedAt: now })
    .where(and(inArray(r.id, [...ids]), notInArray(r.status, FINAL)))
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
