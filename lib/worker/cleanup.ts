import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { pruneLocalRenders } from "../db/queries/local-renders";
import { pruneWebhookEvents } from "../db/queries/webhook-events";
import { scratchDir } from "../media/scratch";

const TEMP_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const WEBHOOK_EVENTS_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Removes scratch files no running copy can still own (a crash skips withScratch's own cleanup;
 * the disk store's half-written parts live here too), and forgets old webhook ids and ended local renders.
 */
export async function cleanup(db: Db, now = Date.now()): Promise<void> {
  const tmp = scratchDir();
  const names = await fsp.readdir(tmp).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(tmp, name);
    const st = await fsp.stat(file).catch(() => null);
    if (st && now - st.mtimeMs > TEMP_MAX_AGE_MS) await fsp.rm(file, { force: true, recursive: true });
  }
  await pruneWebhookEvents(db, WEBHOOK_EVENTS_MAX_AGE_MS, now);
  await pruneLocalRenders(db, WEBHOOK_EVENTS_MAX_AGE_MS, now);
}
