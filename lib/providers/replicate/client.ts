/** Authorised calls to Replicate's HTTP API: base URL and token from env, a timeout on each, errors classified. */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import { ProviderError } from "../provider-error";
import { errorFromResponse } from "./errors";

export const SERVICE = "Replicate";

export function replicateToken(): string {
  const token = env().REPLICATE_API_TOKEN;
  if (!token) {
    throw new ProviderError("provider_error", "Replicate is not configured: add REPLICATE_API_TOKEN.", { retryable: false });
  }
  return token;
}

export function providerTimeoutMs(): number {
  return env().PROVIDER_TIMEOUT_SECONDS * 1000;
}

/**
 * Sends one request and returns the parsed JSON of a 2xx answer. `what` names the
 * operation in error sentences ("request to create a video").
 */
export async function replicateJson<T>(
  method: "GET" | "POST",
  path: string,
  what: string,
  opts: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${replicateToken()}`,
    Accept: "application/json",
    "User-Agent": "dailies",
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  }
  const res = await fetchWithTimeout(SERVICE, `${env().REPLICATE_BASE_URL}${path}`, {
    method,
    headers,
    body,
    timeoutMs: providerTimeoutMs(),
  });
  if (!res.ok) throw await errorFromResponse(res, what);
  try {
    return (await res.json()) as T;
  } catch (err) {
    throw new ProviderError("provider_error", `Replicate sent an unreadable answer to the ${what}.`, {
      retryable: true,
      httpStatus: res.status,
      cause: err,
    });
  }
}
