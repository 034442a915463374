import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { findIdempotencyKey } from "../db/queries/idempotency-keys";
import type { Job } from "../db/schema";
import { fail, ok, type Result } from "../errors";
import { createJob, IdempotencyKeyTaken, type CreateJobInput } from "./create-job";

/** How long a key holds (per user): a retry within it gets the first answer back. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export interface CreatedAnswer {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** What POST /api/jobs answers for a new job, with or without a key. */
export function jobCreatedAnswer(job: Pick<Job, "id" | "status">): { status: number; body: { id: string; status: string } } {
  return { status: 201, body: { id: job.id, status: job.status } };
}

/** The header's key; null when absent. Printable ASCII, at most 255 characters (a UUID is typical). */
export function parseIdempotencyKey(header: string | null): Result<string | null> {
  if (header === null) return ok(null);
  if (!header || header.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(header))
    return fail("bad_request", `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} printable characters without spaces (a UUID works well).`);
  return ok(header);
}

/** The request's fingerprint: its fields in a fixed order plus the image's bytes, however they were sent. */
export function requestHash(fields: Record<string, unknown>, image: Buffer | null): string {
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const h = createHash("sha256").update(JSON.stringify(sorted)).update("\n");
  h.update(image ? createHash("sha256").update(image).digest("hex") : "no image");
  return h.digest("base64url");
}

/**
 * Creates the job once per key: the same key with the same request answers what the first one
 * got; with another request, 409. Concurrent requests with one key race for it inside the job's
 * insert transaction, so exactly one job is made; the others answer as retries. A request that
 * fails (validation, the active-jobs cap) records nothing, so it can be retried with the same key.
 */
export async function createJobOnce(db: Db, input: Omit<CreateJobInput, "idempotency">, key: string, now = Date.now()): Promise<Result<CreatedAnswer>> {
  const hash = requestHash(input.fields, input.image);
  const notBefore = now - IDEMPOTENCY_WINDOW_MS;
  const earlier = await findIdempotencyKey(db, input.userId, key, notBefore);
  if (earlier) return answerFor(earlier, hash);
  try {
    const created = await createJob(db, { ...input, idempotency: { key, requestHash: hash, notBefore, response: jobCreatedAnswer } });
    if (!created.ok) return created;
    return ok({ ...jobCreatedAnswer(created.value), replayed: false });
  } catch (err) {
    if (!(err instanceof IdempotencyKeyTaken)) throw err;
    const winner = await findIdempotencyKey(db, input.userId, key, notBefore);
    if (!winner) return fail("conflict", "Another request with this Idempotency-Key is being handled. Try again in a moment.");
    return answerFor(winner, hash);
  }
}

function answerFor(earlier: { requestHash: string; statusCode: number; responseBody: string }, hash: string): Result<CreatedAnswer> {
  if (earlier.requestHash !== hash)
    return fail("conflict", "This Idempotency-Key was already used for a different request. Use a new key for a new job.");
  return ok({ status: earlier.statusCode, body: JSON.parse(earlier.responseBody) as unknown, replayed: true });
}
