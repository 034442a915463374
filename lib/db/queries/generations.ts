/** Generations: one submit's takes, written with their jobs. */
import type { Db } from "../client";
import type { Generation, Job, JobStatus, NewJob } from "../schema";
import { countActiveJobs } from "./jobs";
import { insertWithinLimitIn } from "./limits";

/**
 * Records the generation and all its jobs, only if the owner's jobs in `active` states plus these
 * stay within `max`; null when they would pass it. Call it inside the caller's transaction
 * (createGeneration runs it under the budget check, with the reservations): counted and written in
 * that one transaction, so concurrent submits cannot all get the last places, and nothing nests.
 */
export function insertGenerationWithinLimitIn(tx: Db, generation: Generation, rows: NewJob[], max: number, active: readonly JobStatus[]): Promise<Job[] | null> {
  return insertWithinLimitIn(
    tx,
    `jobs:${generation.userId}`,
    // insertWithinLimitIn refuses at count >= its max: these rows fit while count + rows <= max.
    max - rows.length + 1,
    (t) => countActiveJobs(t, generation.userId, active),
    async (t) => {
      await t.orm.insert(t.t.generations).values(generation);
      return t.orm.insert(t.t.jobs).values(rows).returning();
    },
  );
}
