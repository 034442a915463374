import "server-only";
import { startAttempt } from "../db/queries/attempts";
import { releaseLease } from "../db/queries/job-leases";
import { markSubmitStarted } from "../db/queries/job-submits";
import type { Job } from "../db/schema";
import { finishStep, transitionFor } from "../jobs/apply-update";
import { inputImageUrl } from "../jobs/input-url";
import { nextRouteFor } from "../jobs/move-on";
import { sniffImage } from "../media/image-input";
import { ProviderError } from "../providers/kit/errors";
import type { SubmitContext } from "../providers/types";
import { storage } from "../storage";
import { slotFor } from "../jobs/provider-slots";
import { webhookUrlFor, type WorkerContext } from "./context";
import { modelAndProvider, providerJobOf } from "./provider-ref";
import { recoverLostSubmit } from "./recover-submit";
import { MAX_SUBMIT_ATTEMPTS, nextPollAt, retryAt } from "./schedule";
import { logger } from "../log/logger";

const log = logger("worker");

/**
 * Sends a queued job to its provider exactly once. The attempt is written down before the
 * call and the provider's job id right after it, so a crash in between is detected on
 * restart: the job then adopts the provider's job if it can be found again (recoverLostSubmit),
 * and is never sent (and billed) twice.
 */
export async function submitJob(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  if (job.submitStartedAt !== null && !job.providerJobId) return recoverLostSubmit(ctx, job, job.submitStartedAt);
  const { model, provider } = modelAndProvider(job);
  const slot = slotFor(provider);
  if (!(await markSubmitStarted(db, job.id, owner, ctx.now(), slot))) {
    // No free slot at the provider: it stays queued and due, and is claimed again once a slot frees.
    // The touch lets pollers asking for changes see that it is waiting.
    return releaseLease(db, job.id, owner, null, slot ? { updatedAt: ctx.now() } : {});
  }
  // The attempt's own row, once (a second call for this attempt is a no-op): the job page shows it in progress.
  await startAttempt(db, job, ctx.now());

  const webhookUrl = webhookUrlFor(provider, job.id);
  let submitted;
  // A slow provider call must not look like a crashed worker: the worker holds the lease while it runs (Worker.step).
  try {
    const image = await loadImage(job);
    // Only providers that take images by URL read it; the link dies with the job (see lib/jobs/input-url).
    const imageUrl = image ? inputImageUrl(job.id, ctx.now()) : null;
    submitted = await provider.submit(providerJobOf(job, model), { webhookUrl, image, imageUrl });
  } catch (err) {
    return onSubmitError(ctx, job, err);
  }

  // One transaction: the provider's id (kept even if the job was canceled meanwhile, so it can be stopped
  // there), the move out of queued straight to what the provider said, the lease released, and the
  // attempt marked submitted with the same id, so a crash cannot split the job's record from its attempt's.
  const now = ctx.now();
  const end = await finishStep(db, job.id, owner, {
    transition: transitionFor(submitted.update),
    from: ["queued"],
    routeIndex: job.routeIndex,
    fields: { providerJobId: submitted.providerJobId, providerData: submitted.providerData },
    nextCheckAt: nextPollAt({ ...job, submittedAt: now }, model, webhookUrl !== null, ctx.cadence, now),
    dueAtOnceIfSaving: true,
    attempt: { status: "submitted", providerJobId: submitted.providerJobId, submittedAt: now },
  }, now);
  // canceled while the request was in flight: stop it at the provider too
  if (end?.job.status === "canceled") await provider.cancel?.(submitted).catch(() => undefined);
}

async function onSubmitError(ctx: WorkerContext, job: Job, err: unknown): Promise<void> {
  const { db, owner } = ctx;
  const attempt = job.attempts + 1;
  // With a route left, a rate limit, an empty wallet or an outage moves the job on at once rather than waiting to retry here.
  if (err instanceof ProviderError && nextRouteFor(job, { to: "failed", errorCode: err.code }, err.retryable)) {
    await finishStep(db, job.id, owner, { transition: { to: "failed", errorCode: err.code, errorMessage: err.message }, retryable: err.retryable, nextCheckAt: null }, ctx.now());
    return;
  }
  if (err instanceof ProviderError && err.retryable && attempt < MAX_SUBMIT_ATTEMPTS) {
    await finishStep(db, job.id, owner, { fields: { submitStartedAt: null }, nextCheckAt: retryAt(attempt, err.retryAfterSeconds, ctx.cadence, ctx.now()) }, ctx.now());
    return;
  }
  const pe = err instanceof ProviderError ? err : null;
  if (!pe) log.error("submit failed", { jobId: job.id, err });
  await finishStep(db, job.id, owner, {
    transition: {
      to: "failed",
      errorCode: pe?.code ?? "internal",
      errorMessage: pe
        ? pe.retryable
          ? `${pe.message} Gave up after ${attempt} tries; try again later.`
          : pe.message
        : "Something went wrong while sending this job. Try again.",
    },
    nextCheckAt: null,
  }, ctx.now());
}

async function loadImage(job: Job): Promise<SubmitContext["image"]> {
  if (!job.inputImageKey) return null;
  const bytes = await storage().read(job.inputImageKey);
  if (!bytes) throw new ProviderError("internal", "The input image is missing from storage.", { retryable: false });
  const mime = sniffImage(bytes);
  if (!mime) throw new ProviderError("internal", "The stored input image is not readable.", { retryable: false });
  return { bytes, mime };
}
