/**
 * The live streams open in this process, by user: how many each person may hold, and which of
 * them to wake when a job changes. A wake carries no data; each stream reads what changed from
 * the database itself (follower.ts), so a lost or repeated wake costs nothing but a query.
 */
import "server-only";
import type { Db } from "../../db/client";
import { jobOwner } from "../../db/queries/job-changes";
import { jobEvents, type RemoteOrigin } from "../events";

/** Streams one person may hold open in one process (a few tabs and a script); more are refused with 429. */
export const MAX_STREAMS_PER_USER = 5;
/** Job owners remembered, so a busy job is looked up once rather than on every change. */
const OWNER_CACHE = 10_000;

export interface Subscriber {
  wake(): void;
}

export class LiveHub {
  private readonly byUser = new Map<string, Set<Subscriber>>();
  private readonly owners = new Map<string, string>();
  private listening = false;
  private readonly onCreated = (jobId: string, origin?: RemoteOrigin) => void this.route(jobId, origin);
  private readonly onChanged = (jobId: string, _status: string, origin?: RemoteOrigin) => void this.route(jobId, origin);

  constructor(private readonly db: Db) {}

  /** Adds a stream for `userId`; returns its leave function, or null when the person has too many open. */
  join(userId: string, sub: Subscriber): (() => void) | null {
    let subs = this.byUser.get(userId);
    if (subs && subs.size >= MAX_STREAMS_PER_USER) return null;
    if (!subs) this.byUser.set(userId, (subs = new Set()));
    subs.add(sub);
    this.listen(true);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      subs.delete(sub);
      if (!subs.size && this.byUser.get(userId) === subs) this.byUser.delete(userId);
      if (!this.byUser.size) this.listen(false);
    };
  }

  /** Streams open for this person here. */
  count(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const events = jobEvents();
    if (on) {
      events.on("created", this.onCreated);
      events.on("changed", this.onChanged);
    } else {
      events.off("created", this.onCreated);
      events.off("changed", this.onChanged);
    }
  }

  private async route(jobId: string, origin?: RemoteOrigin): Promise<void> {
    const userId = origin ? origin.userId : await this.ownerOf(jobId);
    if (!userId) return;
    for (const sub of this.byUser.get(userId) ?? []) sub.wake();
  }

  private async ownerOf(jobId: string): Promise<string | null> {
    const known = this.owners.get(jobId);
    if (known) return known;
    let owner: string | null | undefined;
    try {
      owner = await jobOwner(this.db, jobId);
    } catch (err) {
      // The next sweep of each stream finds the change anyway.
      console.warn("[live] could not look up the owner of a changed job", err);
      return null;
    }
    if (!owner) return null;
    if (this.owners.size >= OWNER_CACHE) this.owners.delete(this.owners.keys().next().value!);
    this.owners.set(jobId, owner);
    return owner;
  }
}

const holder = globalThis as typeof globalThis & { __dailiesLiveHubs?: WeakMap<Db, LiveHub> };

/** The hub of this database in this process (on globalThis: Next.js may load this module once per bundle). */
export function liveHub(db: Db): LiveHub {
  holder.__dailiesLiveHubs ??= new WeakMap();
  let hub = holder.__dailiesLiveHubs.get(db);
  if (!hub) holder.__dailiesLiveHubs.set(db, (hub = new LiveHub(db)));
  return hub;
}
