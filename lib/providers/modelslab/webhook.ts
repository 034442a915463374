/**
 * ModelsLab's callbacks are unsigned. The callback URL carries our per-job token; the body must
 * name the job's own ModelsLab id (and our id as `track_id`); and a terminal state is only
 * believed once ModelsLab's own fetch call says so: the update returned is the fetch's, not the body's.
 * [U] v7 callbacks are assumed to carry the v6 payload (`status`, `id`, `output`, `track_id`).
 */
import "server-only";
import { verifyCallbackToken } from "../kit/callback-token";
import { WebhookVerificationError } from "../kit/errors";
import { isRecord, str } from "../kit/json";
import type { ProviderJobRef, ProviderUpdate, WebhookEvent, WebhookJob, WebhookRequest } from "../types";
import { idOf, updateOf } from "./answer";

const FINISHED = new Set(["succeeded", "failed", "canceled"]);

export async function verifyModelslabWebhook(
  req: WebhookRequest,
  job: WebhookJob | null,
  confirm: (ref: ProviderJobRef) => Promise<ProviderUpdate>,
): Promise<WebhookEvent> {
  const jobId = verifyCallbackToken(req.url, "modelslab");
  if (!job || job.id !== jobId) throw new WebhookVerificationError("The callback names no ModelsLab job of this studio.");

  const body: unknown = JSON.parse(req.rawBody.toString("utf8"));
  const id = idOf(body);
  if (!id) throw new Error("ModelsLab callback without a job id");
  const track = isRecord(body) ? str(body.track_id) : null;
  if (track && track !== job.id) throw new WebhookVerificationError("The callback's track_id names another job.");
  const still = (eventId: string): WebhookEvent => ({ eventId, providerJobId: id, update: { status: "running", raw: body } });

  // Before our submit stored the id: the route lets the job the URL names adopt this id (lib/jobs/webhook-target); a
  // non-terminal update, so polling confirms the rest.
  if (!job.providerJobId) return still(`${id}:early`);
  if (id !== job.providerJobId) throw new WebhookVerificationError("The callback names another ModelsLab job.");
  const claimed = updateOf(body);
  // A late result for a job that already ended (canceled here, say) changes nothing: no need to ask.
  // Its event id is the one the first delivery got, so a replay is a duplicate.
  if (FINISHED.has(job.status)) return still(`${id}:${claimed.status}`);
  if (!FINISHED.has(claimed.status)) return { eventId: `${id}:${claimed.status}:${claimed.etaSeconds ?? ""}`, providerJobId: id, update: claimed };
  const confirmed = await confirm({ providerJobId: id, providerData: job.providerData ?? null });
  return { eventId: `${id}:${confirmed.status}`, providerJobId: id, update: confirmed };
}
