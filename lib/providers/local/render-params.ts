/**
 * What a local render needs to run, written to DATA_DIR/renders/<id>/params.json when it is
 * submitted: any process of the studio can start it again from these and the input image beside
 * them (after a restart, or when the process that had it is gone), and find it by job id.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { internalUrl } from "../../env";

const PARAMS_FILE = "params.json";

export const renderParamsSchema = z.object({
  /** The Dailies job this render was made for. */
  jobId: z.string().min(1).max(64),
  webhookUrl: z.string().url(),
  prompt: z.string(),
  /** The input image's file name inside the render folder, or null for a text scene. */
  imageFile: z.string().regex(/^input\.[a-z]+$/).nullable(),
  durationSeconds: z.number().positive(),
  fps: z.number().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  seed: z.number().int(),
});
export type StoredRenderParams = z.infer<typeof renderParamsSchema>;

/** Temp file + rename, so a reader never sees half of it. */
export async function writeParams(dir: string, params: StoredRenderParams): Promise<void> {
  const tmp = path.join(dir, `${PARAMS_FILE}.${randomBytes(4).toString("hex")}.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(params));
  await fsp.rename(tmp, path.join(dir, PARAMS_FILE));
}

/** null when missing or unreadable (a render from before params were kept, or one being deleted). */
export async function readParams(dir: string): Promise<StoredRenderParams | null> {
  try {
    return renderParamsSchema.parse(JSON.parse(await fsp.readFile(path.join(dir, PARAMS_FILE), "utf8")));
  } catch {
    return null;
  }
}

/**
 * The webhook URL on this process's own server: a render taken over after a restart reports to
 * wherever the studio listens now (the port may have changed), keeping the job and its token.
 */
export function rebaseWebhookUrl(stored: string): string {
  const from = new URL(stored);
  const to = new URL(internalUrl());
  from.protocol = to.protocol;
  from.host = to.host;
  return from.toString();
}
