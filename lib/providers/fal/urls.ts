/**
 * Queue URLs for a request. fal hands back status/result/cancel URLs (under `owner/app`,
 * not the full endpoint path), and we prefer them; but they come off the network with our
 * key attached on the next call, so only URLs under FAL_QUEUE_URL are followed.
 */
import "server-only";
import { ProviderError } from "../kit/errors";
import { falSettings } from "./client";

export interface FalQueueUrls {
  statusUrl: string;
  responseUrl: string;
  cancelUrl: string;
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;


/** The URLs fal documents for a request, built from the endpoint's `owner/app`. */
export function builtQueueUrls(endpoint: string, requestId: string): FalQueueUrls {
  assertEndpoint(endpoint);
  const [owner, app] = endpoint.split("/");
  const request = `${falSettings().FAL_QUEUE_URL}/${owner}/${app}/requests/${encodeURIComponent(requestId)}`;
  return { statusUrl: `${request}/status`, responseUrl: request, cancelUrl: `${request}/cancel` };
}

/** The given URLs where they are trustworthy, the built ones otherwise. */
export function resolveQueueUrls(given: Record<string, unknown> | null, endpoint: string, requestId: string): FalQueueUrls {
  const built = builtQueueUrls(endpoint, requestId);
  return {
    statusUrl: trustedQueueUrl(given?.statusUrl) ?? built.statusUrl,
    responseUrl: trustedQueueUrl(given?.responseUrl) ?? built.responseUrl,
    cancelUrl: trustedQueueUrl(given?.cancelUrl) ?? built.cancelUrl,
  };
}

export function trustedQueueUrl(candidate: unknown): string | null {
  if (typeof candidate !== "string") return null;
  let url: URL;
  let base: URL;
  try {
    url = new URL(candidate);
    base = new URL(falSettings().FAL_QUEUE_URL);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  const prefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  return url.pathname.startsWith(prefix) ? url.toString() : null;
}

export function assertEndpoint(endpoint: string): void {
  const parts = endpoint.split("/");
  if (parts.length < 2 || !parts.every((p) => SEGMENT.test(p) && p !== "." && p !== "..")) {
    throw new ProviderError("internal", `Not a fal endpoint id: ${JSON.stringify(endpoint)}.`, { retryable: false });
  }
}
