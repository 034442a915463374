import "server-only";
import { releaseLease } from "../db/queries/job-leases";
import type { Job } from "../db/schema";
import { finishStep, transitionFor } from "../jobs/apply-update";
import { ProviderError } from "../providers/kit/errors";
import { slotFor } from "../jobs/provider-slots";
import { webhookUrlFor, type WorkerContext } from "./context";
import { modelAndProvider, refOf } from "./provider-ref";
import { nextPollAt, retryAt } from "./schedule";
import { logger } from "../log/logger";

const log = logger("worker");

/** Asks the provider how a submitted or running job is doing and commits the answer in one write. */
export async function pollJob(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  const { model, provider } = modelAndProvider(job);
  const ref = refOf(job);
  if (!ref) return releaseLease(db, job.id, owner, null);

  const pollCount = job.pollCount + 1;
  let update;
  try {
    update = await provider.poll(ref);
  } catch (err) {
    if (!(err instanceof ProviderError) || !err.retryable) {
      const pe = err instanceof ProviderError ? err : null;
      if (!pe) log.error("poll failed", { jobId: job.id, err });
      await finishStep(db, job.id, owner, {
        transition: {
          to: "failed",
          source: "poll",
          errorCode: pe?.code ?? "internal",
          errorMessage: pe?.message ?? "Dailies lost track of this job at the provider. Try again.",
        },
        routeIndex: job.routeIndex,
        bookkeeping: { pollCount },
        nextCheckAt: null,
      }, ctx.now());
      return;
    }
    await finishStep(db, job.id, owner, { bookkeeping: { pollCount }, nextCheckAt: retryAt(pollCount, err.retryAfterSeconds, ctx.cadence, ctx.now()) }, ctx.now());
    return;
  }
  const now = ctx.now();
  await finishStep(db, job.id, owner, {
    transition: { ...transitionFor(update), source: "poll" },
    routeIndex: job.routeIndex,
    bookkeeping: { pollCount },
    nextCheckAt: nextPollAt({ ...job, pollCount }, model, webhookUrlFor(provider, job.id) !== null, ctx.cadence, now),
    dueAtOnceIfSaving: true,
  }, now);
}

/** Past its deadline: fail the job with a sentence that says why, then stop it at the provider. */
export async function expireJob(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  const { provider } = modelAndProvider(job);
  const minutes = Math.round((job.deadlineAt - job.createdAt) / 60_000);
  const end = await finishStep(db, job.id, owner, {
    transition: {
      to: "failed",
      errorCode: "timeout",
      errorMessage:
        job.status !== "queued"
          ? `The provider did not finish within ${minutes} minutes, so Dailies stopped the job. Try again, or pick a faster model.`
          : slotFor(provider)
            ? `${provider.label} had no free slot for this job within ${minutes} minutes, so Dailies gave up before sending it. Try again later.`
            : `Dailies could not send this job to ${provider.label} within ${minutes} minutes. Try again later.`,
    },
    nextCheckAt: null,
  }, ctx.now());
  const ref = refOf(job);
  // After the commit: no network call while the database waits.
  if (end?.changed && ref) await provider.cancel?.(ref).catch((err) => log.warn("cancel of expired job failed", { jobId: job.id, err }));
}
