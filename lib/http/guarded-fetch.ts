import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import { env } from "../env";
import { ProviderError } from "../providers/kit/errors";
import { classifyAddress, type AddressClass } from "./address-class";
import { requestPinned, type PinnedRequest } from "./pinned-request";

export interface GuardedInit extends RequestInit {
  /** Who gave us the URL, for error sentences ("Replicate", "fal's CDN"). */
  service: string;
  /** Covers the whole exchange, body included, like fetchWithTimeout. */
  timeoutMs: number;
  /** The provider's own API base: networks its host is on (a LAN ComfyUI, a loopback fake) are allowed. */
  trustedBaseUrl?: string;
  /** Loopback, private, link-local and unique-local addresses are allowed too (outgoing webhooks, when the owner says so). */
  allowPrivateNetworks?: boolean;
  maxRedirects?: number;
}

export type ResolvedAddress = { address: string; family: number };
/** Name resolution, replaceable in tests so a name can point anywhere without real DNS. */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** What may follow a redirect to another origin: nothing that could carry a credential. */
const CROSS_ORIGIN_SAFE = ["accept", "accept-encoding", "accept-language", "user-agent", "range", "if-range", "if-none-match", "if-modified-since"];

/**
 * fetch for URLs a provider handed us (outputs, upload targets). The host is resolved and every
 * address checked before connecting, and the connection goes to the checked address, so neither
 * a crafted URL nor DNS rebinding reaches our own machine or a private network; redirects are
 * followed by hand and each hop is checked again. Refusals say nothing about what is listening.
 */
export function guardedFetch(url: string, init: GuardedInit): Promise<Response> {
  return guardedFetchWith(systemLookup, url, init);
}

export async function guardedFetchWith(lookup: Lookup, url: string, init: GuardedInit): Promise<Response> {
  const { service, timeoutMs, trustedBaseUrl, allowPrivateNetworks, maxRedirects = 5, signal: callerSignal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  const timeoutError = () =>
    new ProviderError("timeout", `${service} did not answer within ${Math.round(timeoutMs / 1000)} s.`, { retryable: true });
  const failure = (err: unknown): unknown => {
    if (err instanceof ProviderError || callerSignal?.aborted) return err;
    if (timeout.aborted) return timeoutError();
    return new ProviderError("provider_error", `Could not reach ${service}.`, { retryable: true, cause: err });
  };

  try {
    const trusted = await allowedClasses(lookup, trustedBaseUrl, allowPrivateNetworks);
    const allowInsecure = env().ALLOW_INSECURE_PROVIDER_URLS;
    const first = new URL(url);
    let current = first;
    let method = (rest.method ?? "GET").toUpperCase();
    let headers = new Headers(rest.headers);
    let body = await bodyBytes(rest.body, headers);

    for (let hop = 0; ; hop++) {
      const address = await checkedAddress(lookup, current, { service, trusted, allowInsecure });
      const request: PinnedRequest = { url: current, address, method, headers, body, signal, timeout, timeoutError };
      const res = await requestPinned(request);
      const location = res.headers.get("location");
      if (!REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects)
        throw new ProviderError("provider_error", `${service} redirected more than ${maxRedirects} times; Dailies stopped following.`, {
          retryable: false,
        });
      const next = new URL(location, current);
      // As browsers do: 303 turns anything but HEAD into a GET, 301/302 turn a POST into one.
      if (res.status === 303 ? method !== "HEAD" : (res.status === 301 || res.status === 302) && method === "POST") {
        method = "GET";
        body = null;
        for (const name of ["content-type", "content-length", "content-encoding"]) headers.delete(name);
      }
      if (next.origin !== first.origin) headers = onlySafeHeaders(headers);
      current = next;
    }
  } catch (err) {
    throw failure(err);
  }
}

const PRIVATE_NETWORKS: readonly AddressClass[] = ["loopback", "private", "link-local", "unique-local"];

async function allowedClasses(lookup: Lookup, trustedBaseUrl: string | undefined, allowPrivateNetworks: boolean | undefined): Promise<Set<AddressClass>> {
  const trusted = trustedBaseUrl ? await trustedClasses(lookup, trustedBaseUrl) : new Set<AddressClass>();
  if (allowPrivateNetworks) for (const c of PRIVATE_NETWORKS) trusted.add(c);
  return trusted;
}

function refused(service: string, why: string): ProviderError {
  return new ProviderError("provider_error", `${service} gave an address Dailies will not fetch (${why}).`, { retryable: false });
}

/** Classes of the trusted base's own host other than "public": the networks its provider lives on. */
async function trustedClasses(lookup: Lookup, base: string): Promise<Set<AddressClass>> {
  const addresses = await resolve(lookup, new URL(base).hostname);
  return new Set(addresses.map((a) => classifyAddress(a.address)).filter((c) => c !== "public"));
}

async function resolve(lookup: Lookup, hostname: string): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  // An IP literal: the URL parser has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  const family = net.isIP(bare);
  return family ? [{ address: bare, family }] : lookup(hostname);
}

/** The one address this hop may connect to, or a refusal. */
async function checkedAddress(
  lookup: Lookup,
  url: URL,
  ctx: { service: string; trusted: Set<AddressClass>; allowInsecure: boolean },
): Promise<ResolvedAddress> {
  if (url.protocol !== "https:" && url.protocol !== "http:") throw refused(ctx.service, "not a web address");
  if (url.username || url.password) throw refused(ctx.service, "an address with a password in it");
  const addresses = await resolve(lookup, url.hostname);
  if (!addresses.length) throw new ProviderError("provider_error", `Could not reach ${ctx.service}.`, { retryable: true });
  const classes = addresses.map((a) => classifyAddress(a.address));
  // Every address the name has must be acceptable: a name pointing both outside and inside is refused.
  if (classes.some((c) => c !== "public" && !ctx.trusted.has(c))) throw refused(ctx.service, "a private or local network address");
  const onTrustedNetwork = classes.every((c) => ctx.trusted.has(c));
  if (url.protocol === "http:" && !onTrustedNetwork && !ctx.allowInsecure) throw refused(ctx.service, "not an https address");
  return addresses[0]!;
}

async function bodyBytes(body: BodyInit | null | undefined, headers: Headers): Promise<Buffer | null> {
  if (body == null) return null;
  const wrapped = new Response(body);
  const type = wrapped.headers.get("content-type");
  if (type && !headers.has("content-type")) headers.set("content-type", type);
  return Buffer.from(await wrapped.arrayBuffer());
}

function onlySafeHeaders(headers: Headers): Headers {
  const kept = new Headers();
  for (const name of CROSS_ORIGIN_SAFE) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept;
}
