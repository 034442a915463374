/**
 * PROVISIONAL (engineer HARDEN replaces this file with the address-checking version):
 * fetch of a provider-supplied URL with manual redirects, a timeout and no key forwarding.
 */
import "server-only";
import { ProviderError } from "../providers/kit/errors";
import { fetchWithTimeout } from "./fetch-with-timeout";

export interface GuardedInit extends RequestInit {
  service: string;
  timeoutMs: number;
  trustedBaseUrl?: string;
  maxRedirects?: number;
}

export async function guardedFetch(url: string, init: GuardedInit): Promise<Response> {
  const { service, timeoutMs, maxRedirects = 5, trustedBaseUrl: _trusted, ...rest } = init;
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await fetchWithTimeout(service, current, { ...rest, redirect: "manual", timeoutMs });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (!location) return res;
    await res.body?.cancel().catch(() => undefined);
    if (hop >= maxRedirects) throw new ProviderError("provider_error", `${service} redirected the download too many times.`, { retryable: false });
    current = new URL(location, current).toString();
  }
}
