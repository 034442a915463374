/**
 * Which job a verified webhook is about. Normally the one holding the provider's job id. When none
 * does, the callback URL may still name one of ours (`?job=` with its per-job token): a job whose
 * submit the provider accepted but whose answer Dailies never stored (it stopped in between, or the
 * webhook simply beat the answer). That job adopts the provider's job; nothing is submitted again.
 */
import "server-only";
import type { Db } from "../db/client";
import { findByProviderJob } from "../db/queries/jobs";
import { adoptSubmitted } from "../db/queries/job-submits";
import type { Job } from "../db/schema";
import { verifyCallbackToken } from "../providers/kit/callback-token";
import { WebhookVerificationError } from "../providers/kit/errors";
import { jobEvents } from "./events";
import { isTerminal } from "./states";

export type WebhookTarget =
  | { job: Job }
  /** The job the URL names has finished: the delivery is answered 200 and changes nothing. */
  | { ignored: "finished" }
  /** No job of ours: answered 200 so the provider stops. */
  | { ignored: "unknown" };

export async function webhookTarget(db: Db, providerId: string, url: URL, named: Job | null, providerJobId: string): Promise<WebhookTarget> {
  const target = await findByProviderJob(db, providerId, providerJobId);
  if (target) return { job: target };
  if (!named || named.provider !== providerId) return { ignored: "unknown" };
  if (isTerminal(named.status)) return { ignored: "finished" };
  if (named.providerJobId || named.status !== "queued" || named.submitStartedAt === null || !tokenNames(url, providerId, named.id)) return { ignored: "unknown" };
  const adopted = await adoptSubmitted(db, named.id, { providerJobId, providerData: null }, "webhook");
  if (adopted) {
    jobEvents().emit("changed", adopted.id, adopted.status);
    return { job: adopted };
  }
  // Someone adopted it first (the submit's own answer, or a worker): it is that job now, or none.
  const now = await findByProviderJob(db, providerId, providerJobId);
  return now ? { job: now } : { ignored: "unknown" };
}

function tokenNames(url: URL, providerId: string, jobId: string): boolean {
  try {
    return verifyCallbackToken(url, providerId) === jobId;
  } catch (err) {
    if (err instanceof WebhookVerificationError) return false;
    throw err;
  }
}
