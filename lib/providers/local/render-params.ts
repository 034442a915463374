/**
 * What a local render needs to run, written into its record (local_renders.params) when it is
 * submitted: any worker of the studio, on any machine, can start it again from these and the input
 * image kept in storage (after a restart, or when the process that had it is gone).
 */
import "server-only";
import { z } from "zod";
import { internalUrl } from "../../env";

export const renderParamsSchema = z.object({
  /** The Dailies job this render was made for. */
  jobId: z.string().min(1).max(64),
  webhookUrl: z.string().url(),
  prompt: z.string(),
  /** The input image's extension (it is stored under keys.renderInput), or null for a text scene. */
  imageExt: z.enum(["png", "jpg", "webp"]).nullable(),
  durationSeconds: z.number().positive(),
  fps: z.number().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  seed: z.number().int(),
});
export type StoredRenderParams = z.infer<typeof renderParamsSchema>;

export function formatParams(params: StoredRenderParams): string {
  return JSON.stringify(params);
}

/** null when missing or unreadable (a render from before params were kept). */
export function parseParams(value: string | null): StoredRenderParams | null {
  if (!value) return null;
  try {
    return renderParamsSchema.parse(JSON.parse(value));
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
