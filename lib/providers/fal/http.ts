/** Outbound calls to fal's queue and storage APIs: auth, timeouts, bounded bodies. */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import { readCappedStream } from "../../http/read-body";
import { ProviderError } from "../kit/errors";

const MAX_JSON_BYTES = 2 * 1024 * 1024;

export function falKey(): string {
  const key = env().FAL_KEY;
  if (!key) throw new ProviderError("provider_error", "fal is not configured. Add FAL_KEY to enable fal models.", { retryable: false });
  return key;
}

/** An authorised call to fal's API (never to a CDN or presigned URL: those must not see the key). */
export function falFetch(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
  const { timeoutMs, headers, ...rest } = init;
  const merged = new Headers(headers);
  merged.set("authorization", `Key ${falKey()}`);
  merged.set("accept", "application/json");
  return fetchWithTimeout("fal", url, {
    ...rest,
    headers: merged,
    timeoutMs: timeoutMs ?? env().PROVIDER_TIMEOUT_SECONDS * 1000,
  });
}

/** The body as text, at most `maxBytes`; a larger answer is a provider fault, not something to buffer. */
export async function readText(res: Response, maxBytes = MAX_JSON_BYTES): Promise<string> {
  const body = await readCappedStream(res.body, maxBytes);
  if (!body) throw new ProviderError("provider_error", `fal sent an answer larger than ${maxBytes} bytes.`, { retryable: true });
  return body.toString("utf8");
}

/** Parsed JSON, or the raw text when the body is not JSON (fal's proxies sometimes answer in HTML). */
export async function readJson(res: Response): Promise<unknown> {
  const text = await readText(res);
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
