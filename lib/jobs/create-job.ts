import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { claimIdempotencyKey } from "../db/queries/idempotency-keys";
import { countActiveJobs, insertJobWithinLimitIn } from "../db/queries/jobs";
import type { Job, NewJob } from "../db/schema";
import { env } from "../env";
import { appError, fail, ok, type Result } from "../errors";
import { cleanImage } from "../media/image-input";
import { refreshProviderSettings } from "../provider-settings/cache";
import { imageModeUnavailable, needsPublicUrlMessage } from "../providers/kit/image";
import { ensureModelKnown } from "../providers/catalog-refresh";
import { DEFAULT_MODEL_ID, getModel, isOffered, providerOf } from "../providers/registry";
import { storage } from "../storage";
import { keys } from "../storage/keys";
import { writeLedger } from "../db/queries/ledger";
import { audioSetting } from "../models/price";
import type { ModelSpec } from "../providers/types";
import { withinBudget } from "./budget";
import { jobEvents } from "./events";
import { fallbackAsked, routesForJob } from "./job-routes";
import { reservation } from "./ledger-entries";
import { fieldErrors, requestSchemaFor, type JobRequest } from "./schemas";
import { ACTIVE_STATUSES } from "./states";

export interface CreateJobInput {
  /** Untrusted fields from JSON or a form: model, prompt, negativePrompt, aspectRatio, durationSeconds, resolution, fps, seed, options. */
  fields: Record<string, unknown>;
  image: Buffer | null;
  userId: string;
  parentId?: string | null;
  /** Records this `Idempotency-Key` with the job, in the same transaction (lib/jobs/idempotency.ts). */
  idempotency?: IdempotencyClaim;
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
  /** Records older than this have expired: the key may be used again. */
  notBefore: number;
  /** The answer a retry gets back, from the job as inserted. */
  response: (job: Job) => { status: number; body: unknown };
}

/** Thrown inside the insert's transaction when another request holds the key: nothing is kept. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super("Another request with this Idempotency-Key created its job first.");
    this.name = "IdempotencyKeyTaken";
  }
}

export const MAX_ACTIVE_JOBS_PER_USER = 20;

/** A request that passed every check for its model: what storeJob writes. */
export interface CheckedJob {
  spec: ModelSpec;
  req: JobRequest;
}

/** Validates a request against its model (and whether an image fits it); stores nothing. */
export async function checkJobRequest(db: Db, fields: Record<string, unknown>, hasImage: boolean): Promise<Result<CheckedJob>> {
  const asked = fields.model;
  // Only a missing or blank model means the default: a number or list is a mistake to report, not to guess at.
  if (asked !== undefined && typeof asked !== "string")
    return fail("validation", "The model must be a model id (text), like local:preview.", { model: "Pick a model from the list." });
  const modelId = asked || DEFAULT_MODEL_ID;
  await ensureModelKnown(db, modelId);
  const spec = getModel(modelId);
  if (!spec) return fail("validation", `Unknown model "${modelId.slice(0, 100)}". Pick one from the model list.`, { model: "Unknown model." });
  const provider = providerOf(spec);
  // A key saved in Settings → Providers on another server counts at once (one small read).
  await refreshProviderSettings(db);
  if (!provider.isConfigured()) return fail("validation", `${spec.label} is not available: ${provider.configureHint}`, { model: provider.configureHint });
  if (!isOffered(spec.id))
    return fail("validation", `${spec.label} is no longer offered by ${provider.label}. Pick another model.`, { model: "This model is no longer offered." });

  const parsed = requestSchemaFor(spec).safeParse({ ...fields, model: modelId });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return fail("validation", Object.values(errors)[0] ?? "Check the highlighted fields.", errors);
  }

  if (hasImage && !spec.modes.includes("image"))
    return fail("validation", `${spec.label} makes videos from text only; remove the image or pick another model.`, { image: "This model does not take an image." });
  const imageUnavailable = hasImage ? imageModeUnavailable(spec, env().PUBLIC_URL) : null;
  if (imageUnavailable)
    return fail("validation", needsPublicUrlMessage(provider.label), { image: `Image mode ${imageUnavailable}.` });
  if (!hasImage && !spec.modes.includes("text"))
    return fail("validation", `${spec.label} animates a still image: add one.`, { image: "Add an image to animate." });
  return ok({ spec, req: parsed.data });
}

/** Refuses when `adding` more jobs would pass the per-person limit of videos in progress. */
export async function checkActiveBudget(db: Db, userId: string, adding: number): Promise<Result<null>> {
  const active = await countActiveJobs(db, userId, ACTIVE_STATUSES);
  if (active + adding <= MAX_ACTIVE_JOBS_PER_USER) return ok(null);
  const room = Math.max(0, MAX_ACTIVE_JOBS_PER_USER - active);
  const message =
    adding > 1 && room > 0
      ? `These ${adding} takes would pass the limit of ${MAX_ACTIVE_JOBS_PER_USER} videos in progress (room for ${room} now). Ask for fewer, or wait for some to finish.`
      : `You already have ${MAX_ACTIVE_JOBS_PER_USER} videos in progress. Wait for some to finish, then try again.`;
  return { ok: false, error: { ...appError("rate_limited", message), retryAfterSeconds: 30 } };
}

/** Validates a request against its model, stores the cleaned image, records the job and wakes the worker. */
export async function createJob(db: Db, input: CreateJobInput): Promise<Result<Job>> {
  const checked = await checkJobRequest(db, input.fields, input.image !== null);
  if (!checked.ok) return checked;
  // A cheap early answer before the image work; the cap itself is enforced by the insert below.
  const budget = await checkActiveBudget(db, input.userId, 1);
  if (!budget.ok) return budget;
  const row = await prepareJobRow(checked.value, { ...input, fallback: fallbackAsked(input.fields.fallback) });
  if (!row.ok) return row;
  const claim = input.idempotency;
  let job: Job | null;
  try {
    // The budget check, the per-person limit of videos in progress, the job, its reservation and its
    // idempotency key in one transaction: nothing is written (or sent) for a job over the cap or past
    // the limit, and a key taken meanwhile rolls the job back.
    const reserved = reservation({ ...row.value, userId: input.userId, routeIndex: 0, options: row.value.options ?? null }, checked.value.spec);
    const created = await withinBudget(db, input.userId, reserved.usd, row.value.createdAt, (tx) =>
      insertJobWithinLimitIn(tx, { ...row.value, userId: input.userId }, MAX_ACTIVE_JOBS_PER_USER, ACTIVE_STATUSES, async (t, inserted) => {
        await writeLedger(t, [reserved], row.value.createdAt);
        if (claim) {
          const { status, body } = claim.response(inserted);
          const claimed = await claimIdempotencyKey(
            t,
            { userId: input.userId, key: claim.key, requestHash: claim.requestHash, jobId: inserted.id, statusCode: status, responseBody: JSON.stringify(body), createdAt: inserted.createdAt },
            claim.notBefore,
          );
          if (!claimed) throw new IdempotencyKeyTaken();
        }
        return inserted;
      }),
    );
    if (!created.ok) {
      if (row.value.inputImageKey) await storage().delete(row.value.inputImageKey);
      return fail("forbidden", created.refusal, { model: created.refusal });
    }
    job = created.value;
  } catch (err) {
    if (row.value.inputImageKey) await storage().delete(row.value.inputImageKey);
    throw err;
  }
  if (!job) {
    // Others took the last slots while this image was being cleaned.
    if (row.value.inputImageKey) await storage().delete(row.value.inputImageKey);
    const message = `You already have ${MAX_ACTIVE_JOBS_PER_USER} videos in progress. Wait for some to finish, then try again.`;
    return { ok: false, error: { ...appError("rate_limited", message), retryAfterSeconds: 30 } };
  }
  jobEvents().emit("created", job.id);
  return ok(job);
}

export interface JobRowExtras {
  userId: string;
  image: Buffer | null;
  parentId?: string | null;
  generationId?: string | null;
  projectId?: string | null;
  /** Overrides the request's seed (each take of a generation gets its own). */
  seed?: number | null;
  /** Off: the job stays on its model's provider (no fallback to the family's other routes). Default on. */
  fallback?: boolean;
}

/** The row for a checked request, with its cleaned image already stored (the caller deletes it if the insert fails). */
export async function prepareJobRow({ spec, req }: CheckedJob, input: JobRowExtras): Promise<Result<NewJob>> {
  const id = randomBytes(16).toString("base64url");
  let imageKey: string | null = null;
  if (input.image) {
    const image = await cleanImage(input.image);
    if (!image.ok) return image;
    imageKey = keys.upload(id, image.value.ext);
    await storage().put(imageKey, image.value.bytes);
  }
  const fallback = input.fallback ?? true;
  const routes = routesForJob(
    spec,
    {
      mode: input.image ? "image" : "text",
      durationSeconds: req.durationSeconds,
      resolution: req.resolution,
      aspectRatio: req.aspectRatio,
      fps: req.fps,
      audio: audioSetting(req.options),
      negativePrompt: !!req.negativePrompt,
      seed: req.seed !== undefined && req.seed !== null,
    },
    fallback,
  );
  const now = Date.now();
  return ok({
    id,
    routes,
    routeIndex: 0,
    fallback,
    userId: input.userId,
    parentId: input.parentId ?? null,
    generationId: input.generationId ?? null,
    projectId: input.projectId ?? null,
    model: spec.id,
    provider: spec.provider,
    prompt: req.prompt,
    negativePrompt: req.negativePrompt ?? null,
    aspectRatio: req.aspectRatio,
    durationSeconds: req.durationSeconds,
    resolution: req.resolution,
    fps: req.fps,
    seed: input.seed !== undefined ? input.seed : (req.seed ?? null),
    options: req.options ?? null,
    inputImageKey: imageKey,
    status: "queued",
    nextCheckAt: now,
    deadlineAt: now + env().JOB_DEADLINE_SECONDS * 1000,
    createdAt: now,
    updatedAt: now,
  });
}
