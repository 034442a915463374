/**
 * The ledger's side of the one transition point: called inside the transaction of the status
 * change it follows, so a job's status and its cost never disagree.
 */
import type { Db } from "../db/client";
import { endCurrentAttempt } from "../db/queries/attempts";
import { reservationOf, writeLedger } from "../db/queries/ledger";
import type { Job } from "../db/schema";
import { getModel } from "../providers/registry";
import { endingEntries, reservation, voidOf, type LedgerEntry } from "./ledger-entries";

const asEntry = (row: Awaited<ReturnType<typeof reservationOf>>): LedgerEntry | null => (row ? { ...row } : null);

/** A job reached a terminal status: end its attempt and book its cost (settle + actual, or void). */
export async function bookEnding(tx: Db, job: Job, now: number): Promise<void> {
  await endCurrentAttempt(tx, job, now);
  const reserved = asEntry(await reservationOf(tx, job.id, job.routeIndex));
  await writeLedger(tx, endingEntries(job, getModel(job.model), reserved), now);
}

/** The job moved from attempt `from` to its next route (now `job`): void the old reservation, reserve the new one. */
export async function bookMoveOn(tx: Db, job: Job, from: number, now: number): Promise<void> {
  const reserved = asEntry(await reservationOf(tx, job.id, from));
  const spec = getModel(job.model);
  await writeLedger(tx, [...(reserved ? [voidOf(reserved)] : []), ...(spec ? [reservation(job, spec)] : [])], now);
}
