/** Worker heartbeats: each worker process upserts its own row as it ticks. */
import { desc, lt } from "drizzle-orm";
import type { Db } from "../client";
import type { WorkerHeartbeat } from "../schema";

export async function writeHeartbeat(db: Db, beat: WorkerHeartbeat): Promise<void> {
  await db.orm
    .insert(db.t.workerHeartbeats)
    .values(beat)
    .onConflictDoUpdate({ target: db.t.workerHeartbeats.workerId, set: { beatAt: beat.beatAt } });
}

/** The most recent beat of any worker, or undefined when none has ever ticked. */
export async function latestHeartbeat(db: Db): Promise<WorkerHeartbeat | undefined> {
  const { workerHeartbeats } = db.t;
  const [row] = await db.orm.select().from(workerHeartbeats).orderBy(desc(workerHeartbeats.beatAt)).limit(1);
  return row;
}

/** Forgets workers that stopped beating long ago (each start of a worker makes a new row). */
export async function pruneHeartbeats(db: Db, olderThan: number): Promise<void> {
  await db.orm.delete(db.t.workerHeartbeats).where(lt(db.t.workerHeartbeats.beatAt, olderThan));
}
