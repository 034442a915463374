import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/db/queries/jobs";
import { UNSORTED_ID } from "@/lib/jobs/list-filters";
import { listQuery } from "@/lib/jobs/list-query";
import { errorResponse } from "@/lib/errors";
import { parseJobRequest } from "@/lib/http/parse-job-request";
import { parseQuery, viewerRoute } from "@/lib/http/api-route";
import { createJob } from "@/lib/jobs/create-job";
import { createJobOnce, jobCreatedAnswer, parseIdempotencyKey } from "@/lib/jobs/idempotency";
import { serializeJobs } from "@/lib/jobs/serialize-jobs";

export const dynamic = "force-dynamic";

/**
 * Lists the asker's jobs newest first, paged by cursor, filtered by status, model, favorite and
 * prompt search. `changedSince` returns only rows updated since then, for polling; an unchanged
 * answer is a 304.
 */
export const GET = viewerRoute(async (req, viewer) => {
  const query = parseQuery(req, listQuery);
  if (!query.ok) return errorResponse(query.error);
  const { favorite, q, project, ...rest } = query.value;
  const database = await db();
  const page = await listJobs(database, {
    ...rest,
    userId: viewer.userId,
    favorite: favorite === "true",
    search: q,
    project: project === undefined ? undefined : project === UNSORTED_ID ? null : project,
  });
  const body = JSON.stringify({ items: await serializeJobs(database, page.items), nextCursor: page.nextCursor });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
});

/**
 * Creates a job from JSON, or multipart when an image is attached. With an `Idempotency-Key`
 * header, a retry of the same request (within 24 h) gets the same job back instead of a new one.
 */
export const POST = viewerRoute(async (req, viewer) => {
  const key = parseIdempotencyKey(req.headers.get("idempotency-key"));
  if (!key.ok) return errorResponse(key.error);
  const parsed = await parseJobRequest(req);
  if (!parsed.ok) return errorResponse(parsed.error);
  const input = { ...parsed.value, userId: viewer.userId };
  if (key.value) {
    const answer = await createJobOnce(await db(), input, key.value);
    if (!answer.ok) return errorResponse(answer.error);
    const { id } = answer.value.body as { id: string };
    const headers: Record<string, string> = { location: `/api/jobs/${id}` };
    if (answer.value.replayed) headers["idempotent-replayed"] = "true";
    return Response.json(answer.value.body, { status: answer.value.status, headers });
  }
  const created = await createJob(await db(), input);
  if (!created.ok) return errorResponse(created.error);
  const { status, body } = jobCreatedAnswer(created.value);
  return Response.json(body, { status, headers: { location: `/api/jobs/${created.value.id}` } });
});
