/**
 * In-process notifications about jobs ("a job was created", "a job needs saving"), so the
 * embedded worker wakes at once instead of on its next tick. Lives on globalThis because
 * Next.js may load this module once per bundle in the same process.
 */
import { EventEmitter } from "node:events";

type JobEventMap = { created: [jobId: string]; changed: [jobId: string, status: string] };

const holder = globalThis as typeof globalThis & { __dailiesJobEvents?: EventEmitter<JobEventMap> };

export function jobEvents(): EventEmitter<JobEventMap> {
  if (!holder.__dailiesJobEvents) {
    holder.__dailiesJobEvents = new EventEmitter<JobEventMap>();
    holder.__dailiesJobEvents.setMaxListeners(50);
  }
  return holder.__dailiesJobEvents;
}
