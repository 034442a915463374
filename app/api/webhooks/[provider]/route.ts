import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { readCappedBody } from "@/lib/http/read-body";
import { applyWebhookUpdate } from "@/lib/jobs/apply-update";
import { webhookTarget } from "@/lib/jobs/webhook-target";
import { logger } from "@/lib/log/logger";
import { recordWebhookVerification, type WebhookResult } from "@/lib/metrics/instruments";
import { ProviderError, WebhookVerificationError } from "@/lib/providers/kit/errors";
import { getProvider } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

const MAX_WEBHOOK_BYTES = 1024 * 1024;
const answer = (status: number, message: string) => Response.json({ message }, { status });
const log = logger("webhook");

/**
 * Thin on purpose: raw body -> verify -> find the job (or adopt a lost submit, lib/jobs/webhook-target) ->
 * dedupe -> applyUpdate. 401 bad signature; 200 for duplicates, finished and unknown jobs; 503 "retry later".
 */
export async function POST(req: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider: providerId } = await params;
  const provider = getProvider(providerId);
  // Unknown ids are not labels: anyone can post to any path.
  if (!provider?.verifyWebhook) return answered("unknown", "unknown_provider", 404, "Unknown webhook.");
  const done = (result: WebhookResult, status: number, message: string) => answered(providerId, result, status, message);

  const raw = await readCappedBody(req, MAX_WEBHOOK_BYTES);
  if (!raw) return done("too_large", 413, "Webhook body too large.");

  const database = await db();
  const url = new URL(req.url);
  const hinted = url.searchParams.get("job");
  const named = hinted ? await getJob(database, hinted) : undefined;
  const job = named && named.provider === providerId ? { id: named.id, providerJobId: named.providerJobId, status: named.status, providerData: named.providerData ?? null } : null;

  let event;
  try {
    event = await provider.verifyWebhook({ rawBody: raw, headers: req.headers, url }, { job });
  } catch (err) {
    if (err instanceof WebhookVerificationError) return done("rejected", 401, err.message);
    // e.g. the signing keys could not be fetched: the provider should deliver again later
    if (err instanceof ProviderError && err.retryable) return done("retry_later", 503, "Cannot verify right now; retry.");
    log.warn("unreadable payload", { provider: providerId, err });
    return done("unreadable", 400, "Unreadable webhook payload.");
  }

  const target = await webhookTarget(database, providerId, url, named && named.provider === providerId ? named : null, event.providerJobId);
  if ("ignored" in target) return done("ignored", 200, target.ignored === "finished" ? "Ignored: the job has already finished." : "Ignored: no such job.");

  const fresh = await applyWebhookUpdate(database, providerId, event.eventId, target.job.id, event.update, Date.now(), target.job.routeIndex);
  return fresh ? done("accepted", 200, "ok") : done("duplicate", 200, "Duplicate delivery ignored.");
}

function answered(provider: string, result: WebhookResult, status: number, message: string): Response {
  recordWebhookVerification(provider, result);
  return answer(status, message);
}
