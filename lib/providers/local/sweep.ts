import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { db } from "../../db/client";
import { getLocalRender, listLocalRenders } from "../../db/queries/local-renders";
import type { VideoProvider } from "../types";
import { releaseRender } from "./release-render";
import { ownsRender } from "./render-queue";
import { isRenderId, isTerminal, rendersRoot, type RenderStatus } from "./render-state";

/** A render no job names yet may be a submit under way (or one being adopted after a crash): left alone this long. */
const UNKNOWN_GRACE_MS = 6 * 60 * 60 * 1000;
/** A scratch folder with no unfinished record may be a submit writing its record: left alone this long. */
const SCRATCH_GRACE_MS = 10 * 60 * 1000;

/**
 * Removes what local renders no job needs any more: the records, stored videos and inputs of
 * finished or deleted jobs (a failed render keeps the user's image otherwise) and strays nobody has
 * named for hours, then scratch folders on this machine that no unfinished render owns (a crash
 * skips the renderer's own cleanup).
 */
export const sweepRenders: NonNullable<VideoProvider["sweep"]> = async (ask) => {
  const now = Date.now();
  const d = await db();
  for (const row of await listLocalRenders(d)) {
    const where = await ask({ providerJobId: row.id, jobId: row.jobId });
    if (where === "active") continue;
    if (where === "unknown" && now - row.updatedAt < UNKNOWN_GRACE_MS) continue;
    await releaseRender(row.id);
  }
  for (const id of await fsp.readdir(rendersRoot()).catch(() => [] as string[])) {
    if (!isRenderId(id) || ownsRender(id)) continue;
    const row = await getLocalRender(d, id);
    if (row && !isTerminal(row.status as RenderStatus)) continue;
    const st = await fsp.stat(path.join(rendersRoot(), id)).catch(() => null);
    if (!st || now - st.mtimeMs < SCRATCH_GRACE_MS) continue;
    await fsp.rm(path.join(rendersRoot(), id), { recursive: true, force: true });
  }
};
