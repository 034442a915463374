/**
 * Which process renders a local render, kept in its record (local_renders: attempt, owner,
 * started_attempts) so that any worker of the studio, on any machine, can tell, and take over a
 * render nobody is doing:
 *
 *   attempt            the current claim: 1 for the first owner, one more for each takeover (a
 *                      conditional UPDATE on the attempt seen: of two workers trying, one wins)
 *   owner              who holds it (lib/runtime/process-identity); null once handed back
 *   updated_at         touched every HEARTBEAT_MS while the owner holds it (render-heartbeat.ts)
 *   started_attempts   how many claims began rendering (not just waited in their owner's queue)
 *
 * The claim is free to take over once it was handed back, its owner has certainly exited, or its
 * record has not moved for longer than the lease (an owner on another machine, or one that hangs).
 */
import "server-only";
import type { LocalRenderRow } from "../../db/queries/local-renders";
import { formatIdentity, isCertainlyGone, parseIdentity, thisProcess } from "../../runtime/process-identity";

/** A claim whose owner has not touched the record for this long is free (only matters when its death cannot be proven). */
export const RENDER_LEASE_MS = 15_000;

/** This process, as written into the records of the renders it holds. */
export function me(): string {
  return formatIdentity(thisProcess());
}

/** Whether nobody is working on the render under its current claim. */
export function isFree(row: Pick<LocalRenderRow, "owner" | "attempt" | "updatedAt">, now = Date.now()): boolean {
  // Handed back (claimed once, nobody's now); a record never claimed at all only by its lease.
  if (!row.owner && row.attempt > 0) return true;
  if (!row.owner) return now - row.updatedAt > RENDER_LEASE_MS;
  const owner = parseIdentity(row.owner);
  if (owner && isCertainlyGone(owner)) return true;
  return now - row.updatedAt > RENDER_LEASE_MS;
}
