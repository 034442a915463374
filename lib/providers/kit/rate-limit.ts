/** Rate-limit hints: how long a provider asks us to wait, from a header or its body. */
import { parseRetryAfter } from "./errors";
import { isRecord, num } from "./json";

const RESET_HEADERS = ["x-ratelimit-reset", "x-ratelimit-reset-requests", "ratelimit-reset"];

/**
 * Seconds to wait: `Retry-After` (seconds or date), else a body field such as ModelsLab's
 * `retry_after`, else a reset header (epoch seconds, seconds from now, or "1m30s").
 */
export function retryAfterHint(headers: Headers, body: unknown, bodyField = "retry_after", now = Date.now()): number | null {
  const header = parseRetryAfter(headers.get("retry-after"), now);
  if (header !== null) return header;
  const fromBody = isRecord(body) ? num(body[bodyField]) : null;
  if (fromBody !== null && fromBody >= 0) return fromBody;
  for (const name of RESET_HEADERS) {
    const seconds = resetSeconds(headers.get(name), now);
    if (seconds !== null) return seconds;
  }
  return null;
}

function resetSeconds(value: string | null, now: number): number | null {
  if (!value) return null;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) {
    // Epoch seconds are far larger than any sensible wait.
    return n > 1e9 ? Math.max(0, Math.ceil(n - now / 1000)) : n;
  }
  const m = value.match(/^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/);
  if (!m || value === "") return null;
  const [, h, min, s, ms] = m;
  const total = Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0) + Number(ms ?? 0) / 1000;
  return Number.isFinite(total) ? Math.ceil(total) : null;
}
