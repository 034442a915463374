/**
 * One fetch client per provider: pluggable auth, a timeout on every call, capped body reads,
 * non-2xx answers classified by the one error table (with the provider's overrides) and
 * rate-limit hints parsed. Adapters describe their provider; they do not re-implement HTTP.
 */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import { readCappedStream } from "../../http/read-body";
import { recordProviderError, recordProviderRequest } from "../../metrics/instruments";
import { classifyHttpFailure, ProviderError, shortReason, type ErrorOverride } from "./errors";
import { at, isRecord, str } from "./json";
import { retryAfterHint } from "./rate-limit";

const MAX_JSON_BYTES = 4 * 1024 * 1024;
const MAX_ERROR_BYTES = 64 * 1024;

/** How a provider wants its key. Each getter returns undefined when no key is set. */
export type Auth =
  | { kind: "bearer"; token: () => string | undefined }
  | { kind: "header"; name: string; value: () => string | undefined; prefix?: string }
  /** The key travels inside the JSON body (ModelsLab's `key`). */
  | { kind: "body"; field: string; value: () => string | undefined }
  /** A signed JWT, an OAuth access token...: set whatever headers the scheme needs. */
  | { kind: "custom"; isSet: () => boolean; apply: (headers: Headers) => Promise<void> | void };

export interface ClientOptions {
  /** The provider's name in sentences: "Skytells". */
  service: string;
  /** Its registry id ("gateway"), the `provider` label of its metrics; defaults to the service name in lower case. */
  provider?: string;
  baseUrl: () => string;
  auth: Auth;
  /** The setting that holds the key, for "check X" sentences: "SKYTELLS_API_KEY". */
  keyHint: string;
  /** Per-provider exceptions to the error table. */
  errors?: ErrorOverride;
  /** Pulls the provider's own reason out of an error body; the default reads common shapes. */
  reason?: (body: unknown) => string | null;
  /** Body field with a wait hint, when the provider puts one there ("retry_after"). */
  retryAfterField?: string;
  timeoutMs?: () => number;
  /** Headers sent on every call (User-Agent is always set). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /** The operation, for error sentences: "request to create a video". */
  what: string;
  json?: Record<string, unknown>;
  /** A multipart body instead of JSON (file uploads); fetch sets its content type. */
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ProviderClient {
  readonly service: string;
  /** Whether a key is set. */
  hasKey(): boolean;
  /** An authorised call; a 2xx answer's parsed JSON (or null for an empty body), else a classified ProviderError. */
  json<T = unknown>(method: string, pathOrUrl: string, opts: RequestOptions): Promise<JsonAnswer<T>>;
  /** An authorised call that returns the raw Response whatever its status (the caller reads or cancels the body). */
  raw(method: string, pathOrUrl: string, opts: RequestOptions): Promise<Response>;
  /** Classifies a non-2xx Response the way `json` would (reads at most 64 KiB of it). */
  failure(res: Response, what: string): Promise<ProviderError>;
  /** Classifies an answer whose body was already read (e.g. with `read`), for callers that also need the body. */
  classify(answer: JsonAnswer, what: string): ProviderError;
  /** A Response body (capped, like `json`), parsed as JSON, or its text when it is not JSON, or null when empty. */
  read(res: Response, what: string): Promise<unknown>;
  /** An absolute URL on the provider's API (paths are appended to the base URL). */
  url(pathOrUrl: string, query?: RequestOptions["query"]): string;
}

export function createClient(o: ClientOptions): ProviderClient {
  const metricsName = o.provider ?? o.service.toLowerCase();
  const key = (): string | undefined => {
    switch (o.auth.kind) {
      case "bearer":
        return o.auth.token();
      case "header":
      case "body":
        return o.auth.value();
      case "custom":
        return o.auth.isSet() ? "custom" : undefined;
    }
  };
  const requireKey = (): void => {
    if (!key()) throw new ProviderError("provider_error", `${o.service} is not configured: add ${o.keyHint}.`, { retryable: false });
  };

  const url = (pathOrUrl: string, query?: RequestOptions["query"]): string => {
    const base = o.baseUrl().replace(/\/+$/, "");
    let target: URL;
    if (/^https?:\/\//i.test(pathOrUrl)) {
      target = new URL(pathOrUrl);
      // An absolute URL from a provider's answer is only called with our key when it is the provider's own API.
      if (target.origin !== new URL(base).origin) {
        throw new ProviderError("provider_error", `${o.service} pointed Dailies at another host (${target.host}); refusing to send the key there.`, {
          retryable: false,
        });
      }
    } else {
      target = new URL(`${base}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`);
    }
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) target.searchParams.set(k, String(v));
    return target.toString();
  };

  async function raw(method: string, pathOrUrl: string, opts: RequestOptions): Promise<Response> {
    requireKey();
    const headers = new Headers({ accept: "application/json", "user-agent": "dailies", ...o.headers, ...opts.headers });
    let json = opts.json;
    if (o.auth.kind === "bearer") headers.set("authorization", `Bearer ${o.auth.token()}`);
    else if (o.auth.kind === "header") headers.set(o.auth.name, `${o.auth.prefix ?? ""}${o.auth.value()}`);
    else if (o.auth.kind === "custom") await o.auth.apply(headers);
    else if (o.auth.kind === "body" && method !== "GET") json = { [o.auth.field]: o.auth.value(), ...json };
    if (json !== undefined && !opts.form) headers.set("content-type", "application/json");
    const started = performance.now();
    try {
      const res = await fetchWithTimeout(o.service, url(pathOrUrl, opts.query), {
        method,
        headers,
        body: opts.form ?? (json === undefined ? undefined : JSON.stringify(json)),
        signal: opts.signal,
        timeoutMs: o.timeoutMs?.() ?? env().PROVIDER_TIMEOUT_SECONDS * 1000,
      });
      recordProviderRequest(metricsName, res.status, (performance.now() - started) / 1000);
      return res;
    } catch (err) {
      recordProviderRequest(metricsName, "error", (performance.now() - started) / 1000);
      recordProviderError(metricsName, err instanceof ProviderError ? err.code : "network");
      throw err;
    }
  }

  function classify({ status, headers, body }: JsonAnswer, what: string): ProviderError {
    const reason = (o.reason ?? defaultReason)(body);
    const error = classifyHttpFailure(
      {
        service: o.service,
        what,
        keyHint: o.keyHint,
        status,
        headers,
        body,
        reason: reason ? shortReason(reason) : null,
        retryAfterSeconds: retryAfterHint(headers, body, o.retryAfterField),
      },
      o.errors,
    );
    recordProviderError(metricsName, error.code);
    return error;
  }

  async function failure(res: Response, what: string): Promise<ProviderError> {
    const text = ((await readCappedStream(res.body, MAX_ERROR_BYTES, { truncate: true }).catch(() => null)) ?? Buffer.alloc(0)).toString("utf8");
    return classify({ status: res.status, headers: res.headers, body: parseMaybeJson(text) }, what);
  }

  async function read(res: Response, what: string): Promise<unknown> {
    const buf = await readCappedStream(res.body, MAX_JSON_BYTES);
    if (!buf) throw new ProviderError("provider_error", `${o.service} sent an answer larger than ${MAX_JSON_BYTES} bytes to the ${what}.`, { retryable: true });
    return parseMaybeJson(buf.toString("utf8"));
  }

  async function json<T>(method: string, pathOrUrl: string, opts: RequestOptions): Promise<JsonAnswer<T>> {
    const res = await raw(method, pathOrUrl, opts);
    if (!res.ok) throw await failure(res, opts.what);
    const buf = await readCappedStream(res.body, MAX_JSON_BYTES);
    if (!buf) throw new ProviderError("provider_error", `${o.service} sent an answer larger than ${MAX_JSON_BYTES} bytes to the ${opts.what}.`, { retryable: true });
    const text = buf.toString("utf8");
    if (!text.trim()) return { status: res.status, headers: res.headers, body: null as T };
    try {
      return { status: res.status, headers: res.headers, body: JSON.parse(text) as T };
    } catch (err) {
      throw new ProviderError("provider_error", `${o.service} sent an unreadable answer to the ${opts.what}.`, {
        retryable: true,
        httpStatus: res.status,
        cause: err,
      });
    }
  }

  return { service: o.service, hasKey: () => !!key(), json, raw, failure, classify, read, url };
}

function parseMaybeJson(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The reason in the shapes most APIs use: `error.message`, `message`, `detail`, `error`, `messege` (sic, ModelsLab). */
export function defaultReason(body: unknown): string | null {
  if (typeof body === "string") return body.trimStart().startsWith("<") ? null : str(body.trim());
  if (!isRecord(body)) return null;
  return (
    str(at(body, "error", "message")) ??
    str(body.message) ??
    str(body.messege) ??
    str(body.detail) ??
    str(body.error) ??
    str(body.response) ??
    (Array.isArray(body.detail) ? str(at(body.detail[0], "msg")) : null)
  );
}
