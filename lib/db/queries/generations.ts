/** Generations: one submit's takes, written with their jobs in one transaction. */
import { transaction, type Db } from "../client";
import type { Generation, Job, JobStatus, NewJob } from "../schema";
import { countActiveJobs } from "./jobs";
import { insertWithinLimit } from "./limits";

/** Records the generation and all its jobs, or nothing. */
export async function insertGeneration(db: Db, generation: Generation, rows: NewJob[]): Promise<Job[]> {
  return transaction(db, async (tx) => {
    await tx.orm.insert(tx.t.generations).values(generation);
    return tx.orm.insert(tx.t.jobs).values(rows).returning();
  });
}

/**
 * The same, only if the owner's jobs in `active` states plus these stay within `max`: counted and
 * written in one transaction (as insertJobWithinLimit), so concurrent submits cannot all get the
 * last places. Null when they would pass it.
 */
export function insertGenerationWithinLimit(db: Db, generation: Generation, rows: NewJob[], max: number, active: readonly JobStatus[]): Promise<Job[] | null> {
  return insertWithinLimit(
    db,
    `jobs:${generation.userId}`,
    // insertWithinLimit refuses at count >= its max: these rows fit while count + rows <= max.
    max - rows.length + 1,
    (tx) => countActiveJobs(tx, generation.userId, active),
    async (tx) => {
      await tx.orm.insert(tx.t.generations).values(generation);
      return tx.orm.insert(tx.t.jobs).values(rows).returning();
    },
  );
}
