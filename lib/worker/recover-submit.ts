import "server-only";
import { isKnownProviderJob } from "../db/queries/job-submits";
import type { Job } from "../db/schema";
import { finishStep, transitionFor } from "../jobs/apply-update";
import { ProviderError } from "../providers/kit/errors";
import { webhookUrlFor, type WorkerContext } from "./context";
import { modelAndProvider, providerJobOf } from "./provider-ref";
import { nextPollAt } from "./schedule";

/** How long a lost submit waits to be found (a lagging listing, the webhook naming it): twice the model's usual wait, within these bounds. */
const MIN_ADOPT_WAIT_MS = 2 * 60_000;
const MAX_ADOPT_WAIT_MS = 30 * 60_000;

/**
 * A job marked as sent with no provider id: Dailies stopped between the provider accepting it and
 * storing its answer. It is never sent again. Instead:
 * 1. the provider is asked to find it (`findSubmitted`: a field we set and it echoes, or our request
 *    in its list of recent jobs), and the job adopts what it finds, in the submit's own one write;
 * 2. else, if the provider was given a webhook, its first delivery names the job (`?job=` and token)
 *    and the webhook route adopts it (lib/jobs/webhook-target): the job waits for that a while;
 * 3. else the job fails with a sentence saying it was not sent twice.
 */
export async function recoverLostSubmit(ctx: WorkerContext, job: Job, submitStartedAt: number): Promise<void> {
  const { db, owner } = ctx;
  const { model, provider } = modelAndProvider(job);
  const webhookUrl = webhookUrlFor(provider, job.id);
  let found = null;
  try {
    found =
      (await provider.findSubmitted?.(providerJobOf(job, model), {
        submitStartedAt,
        isKnown: (providerJobId) => isKnownProviderJob(db, provider.id, providerJobId),
      })) ?? null;
  } catch (err) {
    // The search itself failed (the provider is down): not an answer. Look again later.
    if (!(err instanceof ProviderError)) console.error(`[worker] looking for the lost submit of job ${job.id} failed`, err);
  }
  const now = ctx.now();
  if (found) {
    console.log(`[worker] job ${job.id}: found its ${provider.id} job ${found.providerJobId} again after a crash; it is not sent twice`);
    await finishStep(db, job.id, owner, {
      transition: transitionFor(found.update),
      from: ["queued"],
      fields: { providerJobId: found.providerJobId, providerData: found.providerData },
      nextCheckAt: nextPollAt({ ...job, submittedAt: now }, model, webhookUrl !== null, ctx.cadence, now),
      dueAtOnceIfSaving: true,
    }, now);
    return;
  }
  const waitMs = Math.min(MAX_ADOPT_WAIT_MS, Math.max(MIN_ADOPT_WAIT_MS, model.typicalLatencySeconds * 2000));
  const giveUpAt = Math.min(job.deadlineAt, submitStartedAt + waitMs);
  if ((webhookUrl !== null || provider.findSubmitted) && now < giveUpAt) {
    // Not found yet: a listing can lag, and a webhook comes when the provider starts or finishes.
    const again = Math.min(giveUpAt, now + Math.max(ctx.cadence.pollMinMs, Math.min(ctx.cadence.pollMaxMs, 15_000)));
    await finishStep(db, job.id, owner, { nextCheckAt: again }, now);
    return;
  }
  await finishStep(db, job.id, owner, {
    transition: {
      to: "failed",
      errorCode: "internal",
      errorMessage: "Dailies stopped while sending this job to the provider and could not find it there afterwards. It was not sent again so you are not charged twice; press Retry.",
    },
    nextCheckAt: null,
  }, now);
}
