import { ProviderError } from "../providers/kit/errors";

/**
 * fetch with a deadline and `cache: "no-store"`. A network failure or timeout becomes a
 * retryable ProviderError naming the service, so callers only handle HTTP answers.
 */
export async function fetchWithTimeout(
  service: string,
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<Response> {
  const { timeoutMs, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await fetch(url, { ...rest, cache: "no-store", signal: combined });
  } catch (err) {
    if (signal?.aborted) throw err;
    const timedOut = timeout.aborted;
    throw new ProviderError(
      timedOut ? "timeout" : "provider_error",
      timedOut ? `${service} did not answer within ${Math.round(timeoutMs / 1000)} s.` : `Could not reach ${service}.`,
      { retryable: true, cause: err },
    );
  }
}
