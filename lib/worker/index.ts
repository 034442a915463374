import "server-only";
import { db } from "../db/client";
import { Worker } from "./worker";

const holder = globalThis as typeof globalThis & { __dailiesWorker?: Worker };

/** Starts the one worker of this process (idempotent). */
export async function startWorker(): Promise<Worker> {
  if (!holder.__dailiesWorker) {
    const worker = new Worker(await db());
    if (holder.__dailiesWorker) return holder.__dailiesWorker; // started by another caller while the database opened
    holder.__dailiesWorker = worker;
    // Beat once before the first tick, so /api/health sees a live worker as soon as the server answers.
    await worker.heartbeat();
    worker.start();
  }
  return holder.__dailiesWorker;
}

export async function stopWorker(): Promise<void> {
  const w = holder.__dailiesWorker;
  holder.__dailiesWorker = undefined;
  await w?.stop();
}
