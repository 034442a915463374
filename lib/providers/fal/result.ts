/** Reading fal's queue answers: status bodies and model outputs. */
import "server-only";
import { at, httpUrl, isRecord, str } from "../kit/json";
import { progressOf } from "../kit/status";

/** `video.url` of a model output, when it is an http(s) URL. */
export function videoUrlOf(output: unknown): string | null {
  return httpUrl(at(output, "video", "url"));
}

/** Progress 0..1 from the newest log line that mentions a percentage; fal has no progress field. */
export function progressFromLogs(logs: unknown): number | undefined {
  if (!Array.isArray(logs)) return undefined;
  for (let i = logs.length - 1; i >= 0; i--) {
    const entry: unknown = logs[i];
    const pct = (isRecord(entry) ? str(entry.message) : null)?.match(/(\d{1,3}(?:\.\d+)?)\s*%/)?.[1];
    if (pct !== undefined && Number(pct) <= 100) return progressOf(pct);
  }
  return undefined;
}
