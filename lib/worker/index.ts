import "server-only";
import { db } from "../db/client";
import { Worker } from "./worker";

const holder = globalThis as typeof globalThis & { __dailiesWorker?: Worker };

/** Starts the one worker of this process (idempotent). */
export function startWorker(): Worker {
  if (!holder.__dailiesWorker) {
    holder.__dailiesWorker = new Worker(db());
    holder.__dailiesWorker.start();
  }
  return holder.__dailiesWorker;
}

export async function stopWorker(): Promise<void> {
  const w = holder.__dailiesWorker;
  holder.__dailiesWorker = undefined;
  await w?.stop();
}
