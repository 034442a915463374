/** Reading fal's queue answers: status bodies and model outputs. */
import "server-only";
import { isRecord } from "./http";

/** `video.url` of a model output, when it is an http(s) URL. */
export function videoUrlOf(output: unknown): string | null {
  if (!isRecord(output) || !isRecord(output.video) || typeof output.video.url !== "string") return null;
  try {
    const url = new URL(output.video.url);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Progress 0..1 from the newest log line that mentions a percentage; fal has no progress field. */
export function progressFromLogs(logs: unknown): number | undefined {
  if (!Array.isArray(logs)) return undefined;
  for (let i = logs.length - 1; i >= 0; i--) {
    const entry: unknown = logs[i];
    const message = isRecord(entry) && typeof entry.message === "string" ? entry.message : null;
    const match = message?.match(/(\d{1,3}(?:\.\d+)?)\s*%/);
    if (!match?.[1]) continue;
    const pct = Number(match[1]);
    if (pct >= 0 && pct <= 100) return pct / 100;
  }
  return undefined;
}
