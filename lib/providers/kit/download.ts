/**
 * Opening a finished video, with the one mapping for every provider: 403/404/410 →
 * output_expired; 429/5xx → retry; a web page or JSON where a video should be →
 * provider_error; a declared size over the cap → refused. Provider-supplied URLs go through
 * the address guard; the worker's save step only streams what this returns.
 */
import "server-only";
import { env } from "../../env";
import { guardedFetch } from "../../http/guarded-fetch";
import { ProviderError } from "./errors";

export interface OpenOutputOptions {
  /** "Skytells' file server": used in sentences. */
  service: string;
  signal: AbortSignal;
  /** The provider's API base: its network class is trusted for outputs (a LAN ComfyUI, a loopback fake). */
  trustedBaseUrl?: string;
  /** Only for authorised endpoints on the provider's own API (never sent across origins). */
  headers?: Record<string, string>;
  /** The sentence for an expired output, when the provider's retention is known. */
  expiredMessage?: string;
}

export async function openOutput(url: string, o: OpenOutputOptions): Promise<Response> {
  if (!/^https?:\/\//i.test(url)) {
    throw new ProviderError("provider_error", `${o.service} reported success but gave no usable video address.`, { retryable: false });
  }
  const e = env();
  const headerPhase = new AbortController();
  const timer = setTimeout(() => headerPhase.abort(), e.PROVIDER_TIMEOUT_SECONDS * 1000);
  let res: Response;
  try {
    res = await guardedFetch(url, {
      method: "GET",
      service: o.service,
      headers: o.headers,
      trustedBaseUrl: o.trustedBaseUrl,
      signal: AbortSignal.any([o.signal, headerPhase.signal]),
      // The body streams under the caller's signal; this limit is the whole download's.
      timeoutMs: e.OUTPUT_DOWNLOAD_TIMEOUT_SECONDS * 1000,
    });
  } catch (err) {
    if (headerPhase.signal.aborted && !o.signal.aborted) {
      throw new ProviderError("timeout", `${o.service} did not start sending the video within ${e.PROVIDER_TIMEOUT_SECONDS} s.`, {
        retryable: true,
        cause: err,
      });
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return checkOutputResponse(res, o.service, o.expiredMessage);
}

/** The mapping alone, for providers that open their output another way (the local renderer's file). */
export async function checkOutputResponse(res: Response, service: string, expiredMessage?: string): Promise<Response> {
  const fail = async (error: ProviderError): Promise<never> => {
    await res.body?.cancel().catch(() => undefined);
    throw error;
  };
  const opts = { httpStatus: res.status };
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    return fail(
      new ProviderError("output_expired", expiredMessage ?? `${service} no longer has this video (its link expired before Dailies could copy it). Run the job again.`, {
        ...opts,
        retryable: false,
      }),
    );
  }
  if (res.status === 429 || res.status >= 500) {
    return fail(
      new ProviderError(res.status === 429 ? "rate_limited" : "provider_error", `${service} answered HTTP ${res.status} when Dailies fetched the video; it will try again.`, {
        ...opts,
        retryable: true,
      }),
    );
  }
  if (!res.ok || !res.body) {
    return fail(new ProviderError("provider_error", `${service} answered HTTP ${res.status} when Dailies fetched the video.`, { ...opts, retryable: false }));
  }
  const type = res.headers.get("content-type") ?? "";
  if (/^(text\/html|application\/json|text\/plain|application\/xml|text\/xml)/i.test(type)) {
    return fail(new ProviderError("provider_error", `${service} sent a web page instead of the video. Try again.`, { ...opts, retryable: false }));
  }
  const maxBytes = env().MAX_OUTPUT_MB * 1024 * 1024;
  const length = Number(res.headers.get("content-length"));
  if (Number.isFinite(length) && length > maxBytes) {
    return fail(new ProviderError("provider_error", `The video from ${service} is larger than the ${env().MAX_OUTPUT_MB} MB limit (MAX_OUTPUT_MB).`, { ...opts, retryable: false }));
  }
  return res;
}
