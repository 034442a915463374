import "server-only";
import fsp from "node:fs/promises";
import type { VideoProvider } from "../types";
import { readParams } from "./render-params";
import { stopRender } from "./render-queue";
import { isRenderId, renderDir, rendersRoot } from "./render-state";

/** A folder no job names yet may be a submit under way (or one being adopted after a crash): left alone this long. */
const UNKNOWN_GRACE_MS = 6 * 60 * 60 * 1000;

/**
 * Removes render folders no job needs any more: those of finished or deleted jobs (a failed render
 * keeps the user's image and a partial video there otherwise), and strays nobody has named for hours.
 */
export const sweepRenders: NonNullable<VideoProvider["sweep"]> = async (ask) => {
  const now = Date.now();
  for (const id of await fsp.readdir(rendersRoot()).catch(() => [] as string[])) {
    if (!isRenderId(id)) continue;
    const dir = renderDir(id);
    const params = await readParams(dir);
    const where = await ask({ providerJobId: id, jobId: params?.jobId ?? null });
    if (where === "active") continue;
    if (where === "unknown") {
      const st = await fsp.stat(dir).catch(() => null);
      if (!st || now - st.mtimeMs < UNKNOWN_GRACE_MS) continue;
    }
    await stopRender(id, "lost");
    await fsp.rm(dir, { recursive: true, force: true });
  }
};
