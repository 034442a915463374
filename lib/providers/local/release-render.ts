import "server-only";
import fsp from "node:fs/promises";
import { db } from "../../db/client";
import { deleteLocalRender } from "../../db/queries/local-renders";
import { storage } from "../../storage";
import { keys } from "../../storage/keys";
import { parseParams } from "./render-params";
import { stopRender } from "./render-queue";
import { isRenderId, readRender, renderDir } from "./render-state";

/** Everything the render owns: its process here, its scratch folder, its video and input in storage, its record. */
export async function releaseRender(id: string): Promise<void> {
  if (!isRenderId(id)) return;
  const d = await db();
  const row = await readRender(id);
  // Stopped without a word: the job is finished or deleted, nobody needs to hear about this render again.
  await stopRender(id, "lost");
  await fsp.rm(renderDir(id), { recursive: true, force: true });
  await storage().delete(keys.render(id));
  const ext = parseParams(row?.row.params ?? null)?.imageExt;
  if (ext) await storage().delete(keys.renderInput(id, ext));
  await deleteLocalRender(d, id);
}

