/** Generations: one submit's takes, written with their jobs in one transaction. */
import { transaction, type Db } from "../client";
import type { Generation, Job, NewJob } from "../schema";

/** Records the generation and all its jobs, or nothing. */
export async function insertGeneration(db: Db, generation: Generation, rows: NewJob[]): Promise<Job[]> {
  return transaction(db, async (tx) => {
    await tx.orm.insert(tx.t.generations).values(generation);
    return tx.orm.insert(tx.t.jobs).values(rows).returning();
  });
}
