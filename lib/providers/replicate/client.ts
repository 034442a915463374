/** Replicate's HTTP API on the kit client: bearer token and base URL from its settings slice, problem-details reasons. */
import "server-only";
import { createClient, defaultReason } from "../kit/client";
import { classifyHttpFailure, type ErrorOverride } from "../kit/errors";
import { isRecord, str } from "../kit/json";
import { providerSettings } from "../kit/settings";
import { replicateConfig } from "./config";

export const SERVICE = "Replicate";

export const replicateSettings = () => providerSettings(replicateConfig);

/** Replicate says "Your rate limit resets in ~30s." when it sends no Retry-After header. */
export function retryAfterFromDetail(detail: string | null): number | null {
  const m = detail?.match(/~\s*(\d+)\s*s\b/);
  return m?.[1] ? Number(m[1]) : null;
}

const errors: ErrorOverride = (f) => {
  const fromDetail = f.status === 429 && f.retryAfterSeconds === null ? retryAfterFromDetail(f.reason) : null;
  return fromDetail === null ? undefined : classifyHttpFailure({ ...f, retryAfterSeconds: fromDetail });
};

/** `detail` (or `title`) of a problem-details body, plus the names of its invalid fields. */
export function problemReason(body: unknown): string | null {
  if (!isRecord(body)) return defaultReason(body);
  const parts = [str(body.detail) ?? str(body.title)].filter((p): p is string => !!p);
  const fields = Array.isArray(body.invalid_fields) ? body.invalid_fields.map((f) => (isRecord(f) ? str(f.field) : null)).filter(Boolean) : [];
  if (fields.length > 0) parts.push(`(fields: ${fields.join(", ")})`);
  return parts.length > 0 ? parts.join(" ") : defaultReason(body);
}

export const replicate = createClient({
  service: SERVICE,
  baseUrl: () => replicateSettings().REPLICATE_BASE_URL,
  auth: { kind: "bearer", token: () => replicateSettings().REPLICATE_API_TOKEN },
  keyHint: "REPLICATE_API_TOKEN",
  errors,
  reason: problemReason,
});
