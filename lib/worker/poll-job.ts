import "server-only";
import { getJob, releaseLease } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { applyUpdate, transition } from "../jobs/apply-update";
import { ProviderError } from "../providers/kit/errors";
import { slotFor } from "../jobs/provider-slots";
import { webhookUrlFor, type WorkerContext } from "./context";
import { modelAndProvider, refOf } from "./provider-ref";
import { nextPollAt, retryAt } from "./schedule";

/** Asks the provider how a submitted or running job is doing and applies the answer. */
export async function pollJob(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  const { model, provider } = modelAndProvider(job);
  const ref = refOf(job);
  if (!ref) return releaseLease(db, job.id, owner, null);

  const pollCount = job.pollCount + 1;
  try {
    const update = await provider.poll(ref);
    await applyUpdate(db, job.id, update, ctx.now());
  } catch (err) {
    if (!(err instanceof ProviderError) || !err.retryable) {
      const pe = err instanceof ProviderError ? err : null;
      if (!pe) console.error(`[worker] poll of job ${job.id} failed`, err);
      await transition(db, job.id, {
        to: "failed",
        source: "poll",
        errorCode: pe?.code ?? "internal",
        errorMessage: pe?.message ?? "Dailies lost track of this job at the provider. Try again.",
      });
      return releaseLease(db, job.id, owner, null, { pollCount });
    }
    return releaseLease(db, job.id, owner, retryAt(pollCount, err.retryAfterSeconds, ctx.cadence, ctx.now()), { pollCount });
  }
  const now = ctx.now();
  const status = (await getJob(db, job.id))?.status;
  const due = status === "saving" ? now : nextPollAt({ ...job, pollCount }, model, webhookUrlFor(provider, job.id) !== null, ctx.cadence, now);
  await releaseLease(db, job.id, owner, due, { pollCount });
}

/** Past its deadline: stop the job at the provider and fail it with a sentence that says why. */
export async function expireJob(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  const { provider } = modelAndProvider(job);
  const minutes = Math.round((job.deadlineAt - job.createdAt) / 60_000);
  const moved = await transition(db, job.id, {
    to: "failed",
    errorCode: "timeout",
    errorMessage:
      job.status !== "queued"
        ? `The provider did not finish within ${minutes} minutes, so Dailies stopped the job. Try again, or pick a faster model.`
        : slotFor(provider)
          ? `${provider.label} had no free slot for this job within ${minutes} minutes, so Dailies gave up before sending it. Try again later.`
          : `Dailies could not send this job to ${provider.label} within ${minutes} minutes. Try again later.`,
  });
  const ref = refOf(job);
  if (moved && ref) await provider.cancel?.(ref).catch((err) => console.warn(`[worker] cancel of expired job ${job.id} failed`, err));
  await releaseLease(db, job.id, owner, null);
}
