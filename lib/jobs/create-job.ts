import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { countActiveJobs, insertJobWithinLimit } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { env } from "../env";
import { appError, fail, ok, type Result } from "../errors";
import { cleanImage } from "../media/image-input";
import { refreshProviderSettings } from "../provider-settings/cache";
import { imageModeUnavailable, needsPublicUrlMessage } from "../providers/kit/image";
import { ensureModelKnown } from "../providers/catalog-refresh";
import { DEFAULT_MODEL_ID, getModel, isOffered, providerOf } from "../providers/registry";
import { storage } from "../storage";
import { keys } from "../storage/keys";
import { jobEvents } from "./events";
import { fieldErrors, requestSchemaFor } from "./schemas";
import { ACTIVE_STATUSES } from "./states";

export interface CreateJobInput {
  /** Untrusted fields from JSON or a form: model, prompt, negativePrompt, aspectRatio, durationSeconds, resolution, fps, seed, options. */
  fields: Record<string, unknown>;
  image: Buffer | null;
  userId: string;
  parentId?: string | null;
}

const MAX_ACTIVE_JOBS_PER_USER = 20;

/** Validates a request against its model, stores the cleaned image, records the job and wakes the worker. */
export async function createJob(db: Db, input: CreateJobInput): Promise<Result<Job>> {
  const asked = input.fields.model;
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

  const parsed = requestSchemaFor(spec).safeParse({ ...input.fields, model: modelId });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return fail("validation", Object.values(fields)[0] ?? "Check the highlighted fields.", fields);
  }
  const req = parsed.data;

  if (input.image && !spec.modes.includes("image"))
    return fail("validation", `${spec.label} makes videos from text only; remove the image or pick another model.`, { image: "This model does not take an image." });
  const imageUnavailable = input.image ? imageModeUnavailable(spec, env().PUBLIC_URL) : null;
  if (imageUnavailable)
    return fail("validation", needsPublicUrlMessage(provider.label), { image: `Image mode ${imageUnavailable}.` });
  if (!input.image && !spec.modes.includes("text"))
    return fail("validation", `${spec.label} animates a still image: add one.`, { image: "Add an image to animate." });

  // A cheap early answer before the image work; the cap itself is enforced by the insert below.
  if ((await countActiveJobs(db, input.userId, ACTIVE_STATUSES)) >= MAX_ACTIVE_JOBS_PER_USER) return atCap();

  const id = randomBytes(16).toString("base64url");
  let imageKey: string | null = null;
  if (input.image) {
    const image = await cleanImage(input.image);
    if (!image.ok) return image;
    imageKey = keys.upload(id, image.value.ext);
    // Stored before the row exists: the worker may pick the job up the moment it is inserted.
    await storage().put(imageKey, image.value.bytes);
  }

  const now = Date.now();
  let job: Job | null;
  try {
    job = await insertJobWithinLimit(
      db,
      {
        id,
        userId: input.userId,
        parentId: input.parentId ?? null,
        model: spec.id,
        provider: spec.provider,
        prompt: req.prompt,
        negativePrompt: req.negativePrompt ?? null,
        aspectRatio: req.aspectRatio,
        durationSeconds: req.durationSeconds,
        resolution: req.resolution,
        fps: req.fps,
        seed: req.seed ?? null,
        options: req.options ?? null,
        inputImageKey: imageKey,
        status: "queued",
        nextCheckAt: now,
        deadlineAt: now + env().JOB_DEADLINE_SECONDS * 1000,
        createdAt: now,
        updatedAt: now,
      },
      MAX_ACTIVE_JOBS_PER_USER,
      ACTIVE_STATUSES,
    );
  } catch (err) {
    if (imageKey) await storage().delete(imageKey);
    throw err;
  }
  if (!job) {
    // Others took the last slots while this image was being cleaned.
    if (imageKey) await storage().delete(imageKey);
    return atCap();
  }
  jobEvents().emit("created", job.id);
  return ok(job);
}

function atCap(): Result<Job> {
  const message = `You already have ${MAX_ACTIVE_JOBS_PER_USER} videos in progress. Wait for some to finish, then try again.`;
  return { ok: false, error: { ...appError("rate_limited", message), retryAfterSeconds: 30 } };
}
