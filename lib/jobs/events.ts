/**
 * In-process notifications about jobs ("a job was created", "a job changed"): the embedded worker
 * wakes at once instead of on its next tick, and live streams (lib/jobs/live) look at the database
 * again. On Postgres, lib/jobs/live/pg-bus.ts carries them between processes too; what it brings
 * in is marked `remote`. Lives on globalThis because Next.js may load this module once per bundle
 * in the same process.
 */
import { EventEmitter } from "node:events";

/** Where an event came from, when another process raised it (it then names the job's owner). */
export interface RemoteOrigin {
  remote: true;
  userId: string | null;
}

type JobEventMap = {
  created: [jobId: string, origin?: RemoteOrigin];
  changed: [jobId: string, status: string, origin?: RemoteOrigin];
};

const holder = globalThis as typeof globalThis & { __dailiesJobEvents?: EventEmitter<JobEventMap>; __dailiesRemoteEvents?: boolean };

export function jobEvents(): EventEmitter<JobEventMap> {
  if (!holder.__dailiesJobEvents) {
    holder.__dailiesJobEvents = new EventEmitter<JobEventMap>();
    holder.__dailiesJobEvents.setMaxListeners(50);
  }
  return holder.__dailiesJobEvents;
}

/** Whether other processes' job events reach this one right now (a connected Postgres LISTEN). */
export function remoteEventsLive(): boolean {
  return holder.__dailiesRemoteEvents === true;
}

export function setRemoteEventsLive(live: boolean): void {
  holder.__dailiesRemoteEvents = live;
}
