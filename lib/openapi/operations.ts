/**
 * Every operation of the JSON API: what it is for, who may call it, what it takes and what it
 * answers, plus a curl example. document.ts turns this table into OpenAPI 3.1; the contract test
 * checks the table covers every route under app/api.
 */
import type { z } from "zod";
import { listQuery } from "../jobs/list-query";
import { streamQuery } from "../jobs/live/stream-query";
import { deliveriesQuerySchema } from "../webhooks/outgoing/schemas";
import type { AnswerName } from "./schemas";

export type Who = "viewer" | "owner" | "none" | "provider";

export interface Answer {
  description: string;
  /** A JSON body of this component. */
  json?: AnswerName;
  /** A non-JSON body of this media type. */
  media?: string;
  headers?: Record<string, string>;
}

export interface Operation {
  method: "get" | "post" | "put" | "delete" | "head";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  who: Who;
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  queryDescriptions?: Record<string, string>;
  headers?: Record<string, string>;
  /** "JobRequest" is the per-model job body; other names are REQUESTS components. */
  body?: { json?: "JobRequest" | "WebhookEndpointInput" | "ProviderSettingsInput"; multipart?: boolean; any?: boolean };
  answers: Record<number, Answer>;
  /** Shell, with $ORIGIN and $DAILIES_TOKEN. */
  curl?: string;
}

const AUTH = `-H "authorization: Bearer $DAILIES_TOKEN"`;
const err = (description: string): Answer => ({ description, json: "Error" });
const UNAUTHORIZED = err("No session cookie and no valid API token");
const CROSS_SITE = err("Sent with a session cookie from another site's page");

export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/jobs",
    tag: "Jobs",
    summary: "Start a video",
    description:
      "Validates the request against the model (its durations, aspect ratios, resolutions, frame rates), stores an attached image, and queues the job; the worker submits it. With an `Idempotency-Key`, a retry of the same request within 24 hours gets the same answer back instead of a second job.",
    who: "viewer",
    headers: { "Idempotency-Key": "Up to 255 printable characters (a UUID works well), per user, kept 24 hours" },
    body: { json: "JobRequest", multipart: true },
    answers: {
      201: { description: "Queued (or, with a reused key and the same request, the first answer again)", json: "CreatedJob", headers: { Location: "The job's URL", "Idempotent-Replayed": '"true" on a replayed answer' } },
      400: err("Unreadable body or a malformed Idempotency-Key"),
      401: UNAUTHORIZED,
      403: CROSS_SITE,
      409: err("The Idempotency-Key was used for a different request"),
      413: err("The image is larger than 10 MB"),
      415: err("Neither JSON nor multipart"),
      422: err("A field is not valid for the model; `fields` says which"),
      429: err("20 videos are already in progress"),
    },
    curl: `curl -s $ORIGIN/api/jobs ${AUTH} -H "idempotency-key: $(uuidgen)" \\\n  -H "content-type: application/json" \\\n  -d '{"model":"local:preview","prompt":"a slow dolly in over a harbour at dawn","aspectRatio":"16:9","durationSeconds":5}'\n\n# image to video\ncurl -s $ORIGIN/api/jobs ${AUTH} -F model=local:preview -F prompt="pan left" -F image=@still.jpg`,
  },
  {
    method: "get",
    path: "/api/jobs",
    tag: "Jobs",
    summary: "List your jobs",
    description: "Newest first (or oldest with sort=oldest), paged by cursor. An unchanged answer is a 304 for If-None-Match.",
    who: "viewer",
    query: listQuery,
    queryDescriptions: {
      cursor: "nextCursor of the previous page",
      status: "Comma-separated statuses",
      model: "A model id",
      project: 'One of your project ids, or "unsorted" for jobs in none',
      favorite: "Only favorites",
      q: "Words the prompt contains (prefixes match)",
      changedSince: "Only rows updated since this time (epoch ms), for polling",
      ids: "Comma-separated job ids (at most 100)",
      sort: "newest (the default) or oldest first; a cursor pages on in the order it came from",
      limit: "Page size, 1 to 100",
    },
    answers: { 200: { description: "A page of jobs", json: "JobList", headers: { ETag: "Changes when the page does" } }, 304: { description: "Unchanged since If-None-Match" }, 400: err("A bad query parameter"), 401: UNAUTHORIZED },
    curl: `curl -s "$ORIGIN/api/jobs?status=succeeded&limit=10" ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/jobs/{id}",
    tag: "Jobs",
    summary: "One job",
    description: "Status, progress and, once it has succeeded, the video. Poll it, or register a webhook.",
    who: "viewer",
    pathParams: { id: "The job's id" },
    answers: { 200: { description: "The job", json: "Job" }, 304: { description: "Unchanged since If-None-Match" }, 401: UNAUTHORIZED, 404: err("No such job, or not yours") },
    curl: `curl -s $ORIGIN/api/jobs/$JOB_ID ${AUTH}`,
  },
  {
    method: "delete",
    path: "/api/jobs/{id}",
    tag: "Jobs",
    summary: "Delete a job",
    description: "Its video, poster and input image are deleted too; an unfinished job is canceled first.",
    who: "viewer",
    pathParams: { id: "The job's id" },
    answers: { 204: { description: "Deleted" }, 401: UNAUTHORIZED, 403: CROSS_SITE, 404: err("No such job, or not yours"), 409: err("It cannot be deleted right now") },
    curl: `curl -s -X DELETE $ORIGIN/api/jobs/$JOB_ID ${AUTH}`,
  },
  {
    method: "post",
    path: "/api/jobs/{id}/cancel",
    tag: "Jobs",
    summary: "Cancel a job",
    who: "viewer",
    pathParams: { id: "The job's id" },
    answers: { 200: { description: "The job, canceled", json: "Job" }, 401: UNAUTHORIZED, 403: CROSS_SITE, 404: err("No such job, or not yours"), 409: err("It has already finished") },
    curl: `curl -s -X POST $ORIGIN/api/jobs/$JOB_ID/cancel ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/jobs/events",
    tag: "Jobs",
    summary: "Follow your jobs live",
    description:
      "Server-Sent Events with your job changes: `event: job` carries the job as GET /api/jobs/{id} answers it, `event: ready` follows the replay (its id is where to resume), `event: reset` means too much changed to replay (load the list again). Resume with the `Last-Event-ID` header (or `lastEventId`, for an EventSource); a fresh stream starts at `since` (epoch ms, default now). Lines starting with `:` are keep-alives. At most 5 streams per person.",
    who: "viewer",
    query: streamQuery,
    queryDescriptions: { lastEventId: "The id of the last event received, when the Last-Event-ID header cannot be set", since: "Send changes after this time (epoch ms)" },
    headers: { "Last-Event-ID": "The id of the last event received" },
    answers: {
      200: { description: "The event stream", media: "text/event-stream" },
      400: err("A bad since or lastEventId"),
      401: UNAUTHORIZED,
      429: err("You already have 5 live connections open"),
    },
    curl: `curl -sN $ORIGIN/api/jobs/events ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/jobs/{id}/last-frame",
    tag: "Jobs",
    summary: "A finished video's last frame",
    description: "A PNG of the video's final frame, to start the next shot from.",
    who: "viewer",
    pathParams: { id: "The job's id" },
    answers: {
      200: { description: "The frame", media: "image/png" },
      401: UNAUTHORIZED,
      404: err("No such job, not yours, or its video file is missing"),
      409: err("The video has not finished"),
    },
    curl: `curl -s -o last-frame.png $ORIGIN/api/jobs/$JOB_ID/last-frame ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/jobs/zip",
    tag: "Jobs",
    summary: "Download chosen videos as a ZIP",
    description: "Your finished videos among `ids`, streamed as one ZIP; ids of unfinished videos or of anyone else's are left out.",
    who: "viewer",
    queryDescriptions: { ids: "Comma-separated job ids (1 to 100)" },
    answers: {
      200: { description: "The archive", media: "application/zip" },
      400: err("No ids, or more than 100"),
      401: UNAUTHORIZED,
      404: err("None of them is a finished video of yours"),
      413: err("They add up to more than 4 GB"),
    },
    curl: `curl -s -o videos.zip "$ORIGIN/api/jobs/zip?ids=$JOB_ID" ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/models",
    tag: "Jobs",
    summary: "The models",
    description: "Every model offered now (built-in data merged with the providers' own lists): what it takes, its options, and whether it can run on this studio (`available`, and why not).",
    who: "viewer",
    answers: { 200: { description: "Providers and models", json: "ModelList" }, 401: UNAUTHORIZED },
    curl: `curl -s $ORIGIN/api/models ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/usage",
    tag: "Jobs",
    summary: "Spend this month",
    description:
      "This month's spend against the caps: per UTC day, by model and by provider, and (for the owner) the whole studio and each person. With `format=csv`, the ledger rows you may see as CSV.",
    who: "viewer",
    queryDescriptions: { format: "`csv` for the ledger rows as CSV" },
    answers: { 200: { description: "Spend and caps (or CSV with format=csv)", json: "Usage" }, 401: UNAUTHORIZED },
    curl: `curl -s $ORIGIN/api/usage ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/export",
    tag: "Jobs",
    summary: "Export your videos and prompts",
    description: "A ZIP made as it downloads: dailies-export/prompts.json (every job as GET /api/jobs/{id} shows it, plus `file`, its video's name in the archive) and dailies-export/videos/*.mp4.",
    who: "viewer",
    answers: { 200: { description: "The archive", media: "application/zip" }, 401: UNAUTHORIZED },
    curl: `curl -s -o dailies-export.zip $ORIGIN/api/export ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/webhooks/endpoints",
    tag: "Outgoing webhooks",
    summary: "List your webhook endpoints",
    who: "viewer",
    answers: { 200: { description: "Your endpoints (secrets are never shown again)", json: "WebhookEndpointList" }, 401: UNAUTHORIZED },
    curl: `curl -s $ORIGIN/api/webhooks/endpoints ${AUTH}`,
  },
  {
    method: "post",
    path: "/api/webhooks/endpoints",
    tag: "Outgoing webhooks",
    summary: "Add a webhook endpoint",
    description:
      "Dailies POSTs a signed event (Standard Webhooks) to the URL when one of your jobs ends. The answer holds the endpoint's `whsec_` secret, this once. Public https addresses only, unless the owner sets OUTGOING_WEBHOOKS_ALLOW_PRIVATE=true. At most 10 endpoints each.",
    who: "viewer",
    body: { json: "WebhookEndpointInput" },
    answers: {
      201: { description: "Added, with its signing secret", json: "CreatedWebhookEndpoint" },
      400: err("Unreadable body"),
      401: UNAUTHORIZED,
      403: CROSS_SITE,
      409: err("You already have 10 endpoints"),
      415: err("Not JSON"),
      422: err("A bad URL or event list"),
    },
    curl: `curl -s $ORIGIN/api/webhooks/endpoints ${AUTH} -H "content-type: application/json" \\\n  -d '{"url":"https://example.com/hooks/dailies","events":["job.succeeded","job.failed"]}'`,
  },
  {
    method: "delete",
    path: "/api/webhooks/endpoints/{id}",
    tag: "Outgoing webhooks",
    summary: "Delete a webhook endpoint",
    description: "Nothing more is sent there; its delivery log goes too.",
    who: "viewer",
    pathParams: { id: "The endpoint's id" },
    answers: { 204: { description: "Deleted" }, 401: UNAUTHORIZED, 403: CROSS_SITE, 404: err("No such endpoint, or not yours") },
    curl: `curl -s -X DELETE $ORIGIN/api/webhooks/endpoints/$ENDPOINT_ID ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/webhooks/deliveries",
    tag: "Outgoing webhooks",
    summary: "The delivery log",
    description: "Your most recent deliveries, newest first, with how the last try went.",
    who: "viewer",
    query: deliveriesQuerySchema,
    queryDescriptions: { endpoint: "Only this endpoint's", limit: "How many, 1 to 100 (default 20)" },
    answers: { 200: { description: "Deliveries", json: "WebhookDeliveryList" }, 400: err("A bad query parameter"), 401: UNAUTHORIZED },
    curl: `curl -s "$ORIGIN/api/webhooks/deliveries?limit=5" ${AUTH}`,
  },
  {
    method: "post",
    path: "/api/webhooks/deliveries/{id}/retry",
    tag: "Outgoing webhooks",
    summary: "Send a delivery again",
    description: "Tried at once, with a new 24-hour retry window; the same webhook-id, so receivers can deduplicate.",
    who: "viewer",
    pathParams: { id: "The delivery's id (its webhook-id)" },
    answers: { 202: { description: "Queued to be sent at once" }, 401: UNAUTHORIZED, 403: CROSS_SITE, 404: err("No such delivery, or not yours"), 409: err("It is being sent right now") },
    curl: `curl -s -X POST $ORIGIN/api/webhooks/deliveries/$DELIVERY_ID/retry ${AUTH}`,
  },
  {
    method: "get",
    path: "/api/settings/providers",
    tag: "Provider settings",
    summary: "Every provider's settings",
    description: "Each setting and where its value comes from (environment, saved here, or nothing); secrets only as their last four characters. The owner only.",
    who: "owner",
    answers: { 200: { description: "The providers", json: "ProviderSettingsList" }, 401: UNAUTHORIZED, 403: err("Not the owner") },
    curl: `curl -s $ORIGIN/api/settings/providers -H "authorization: Bearer $OWNER_TOKEN"`,
  },
  {
    method: "put",
    path: "/api/settings/providers/{provider}",
    tag: "Provider settings",
    summary: "Save a provider's settings",
    description: "Saved encrypted with APP_SECRET; a variable set in the environment still wins. The owner only.",
    who: "owner",
    pathParams: { provider: "The provider's id" },
    body: { json: "ProviderSettingsInput" },
    answers: { 200: { description: "The provider's settings now", json: "ProviderSettings" }, 400: err("Not JSON of that shape"), 401: UNAUTHORIZED, 403: err("Not the owner, or another site"), 404: err("No such provider"), 422: err("A value is not valid") },
    curl: `curl -s -X PUT $ORIGIN/api/settings/providers/replicate -H "authorization: Bearer $OWNER_TOKEN" \
  -H "content-type: application/json" -d '{"values":{"REPLICATE_API_TOKEN":"r8_…"}}'`,
  },
  {
    method: "delete",
    path: "/api/settings/providers/{provider}",
    tag: "Provider settings",
    summary: "Forget a saved setting",
    who: "owner",
    pathParams: { provider: "The provider's id" },
    queryDescriptions: { name: "The setting, e.g. REPLICATE_API_TOKEN" },
    answers: { 200: { description: "The provider's settings now", json: "ProviderSettings" }, 400: err("No such setting"), 401: UNAUTHORIZED, 403: err("Not the owner, or another site"), 404: err("No such provider") },
    curl: `curl -s -X DELETE "$ORIGIN/api/settings/providers/replicate?name=REPLICATE_API_TOKEN" -H "authorization: Bearer $OWNER_TOKEN"`,
  },
  {
    method: "post",
    path: "/api/settings/providers/{provider}/test",
    tag: "Provider settings",
    summary: "Test a provider's connection",
    description: "The provider's cheapest authenticated call with the settings in use now. The owner only.",
    who: "owner",
    pathParams: { provider: "The provider's id" },
    answers: { 200: { description: "Whether it connected, in a sentence", json: "ConnectionTest" }, 400: err("It has no connection test"), 401: UNAUTHORIZED, 403: err("Not the owner, or another site"), 404: err("No such provider") },
    curl: `curl -s -X POST $ORIGIN/api/settings/providers/replicate/test -H "authorization: Bearer $OWNER_TOKEN"`,
  },
  {
    method: "post",
    path: "/api/webhooks/{provider}",
    tag: "Provider callbacks",
    summary: "A provider reports on a job",
    description: "Called by the video providers (and the local renderer), never by scripts: the body is verified with the provider's own signature scheme and applied to the job it names.",
    who: "provider",
    pathParams: { provider: "The provider's id (local, replicate, fal, ...)" },
    body: { any: true },
    answers: {
      200: { description: "Applied, a duplicate, or ignored" },
      400: { description: "Unreadable payload" },
      401: { description: "Bad signature or token" },
      404: { description: "Unknown provider" },
      413: { description: "Body over 1 MB" },
      503: { description: "Cannot verify or apply right now: deliver again later" },
    },
  },
  {
    method: "get",
    path: "/api/inputs/{jobId}/{expiry}/{sig}",
    tag: "Provider callbacks",
    summary: "A job's input image, for its provider",
    description: "An HMAC-signed, short-lived link handed to providers that take images only by URL; served only while the job is at its provider. Every refusal is the same 404.",
    who: "provider",
    pathParams: { jobId: "The job's id", expiry: "Expiry, epoch seconds", sig: "The link's signature" },
    answers: { 200: { description: "The image", media: "image/*" }, 404: { description: "Not found (or not any more)" } },
  },
  {
    method: "head",
    path: "/api/inputs/{jobId}/{expiry}/{sig}",
    tag: "Provider callbacks",
    summary: "A job's input image's headers, for its provider",
    who: "provider",
    pathParams: { jobId: "The job's id", expiry: "Expiry, epoch seconds", sig: "The link's signature" },
    answers: { 200: { description: "The image's type and length" }, 404: { description: "Not found" } },
  },
  {
    method: "get",
    path: "/api/health",
    tag: "Operations",
    summary: "Health",
    description: "The database, storage and the worker's last heartbeat. 503 when any is down; a worker silent for a minute counts.",
    who: "none",
    answers: { 200: { description: "Healthy", json: "Health" }, 503: { description: "Something is down", json: "Health" } },
    curl: "curl -s $ORIGIN/api/health",
  },
  {
    method: "get",
    path: "/api/metrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    description: "Jobs by state and provider, queue age, bytes stored, provider call latency and errors, webhook verifications, outgoing deliveries. The owner only.",
    who: "owner",
    answers: { 200: { description: "Prometheus text format", media: "text/plain" }, 401: UNAUTHORIZED, 403: err("Not the owner") },
    curl: `curl -s $ORIGIN/api/metrics -H "authorization: Bearer $OWNER_TOKEN"`,
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Operations",
    summary: "This document",
    who: "none",
    answers: { 200: { description: "OpenAPI 3.1", media: "application/json" } },
    curl: "curl -s $ORIGIN/api/openapi.json",
  },
];
