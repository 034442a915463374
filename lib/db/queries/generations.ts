/** Generations: one submit's takes, written with their jobs. */
import type { Db } from "../client";
import type { Generation, Job, NewJob } from "../schema";

/**
 * Records the generation and all its jobs. Call it inside the caller's transaction (createGeneration
 * runs it under the budget check, with the reservations): it opens none itself, so nothing nests.
 */
export async function insertGeneration(tx: Db, generation: Generation, rows: NewJob[]): Promise<Job[]> {
  await tx.orm.insert(tx.t.generations).values(generation);
  return tx.orm.insert(tx.t.jobs).values(rows).returning();
}
