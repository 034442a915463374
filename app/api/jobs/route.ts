import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isValidCursor, listJobs } from "@/lib/db/queries/jobs";
import { JOB_STATUSES } from "@/lib/db/schema";
import { appError, errorResponse } from "@/lib/errors";
import { parseJobRequest } from "@/lib/http/parse-job-request";
import { createJob } from "@/lib/jobs/create-job";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

const listQuery = z.object({
  cursor: z.string().max(200).refine(isValidCursor, "The cursor is not valid.").optional(),
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}.` })))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** Lists jobs newest first, paged by cursor; an unchanged page answers 304. */
export async function GET(req: Request): Promise<Response> {
  const userId = null; // accounts arrive with the studio UI; until then the instance has one anonymous owner
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const query = listQuery.safeParse(params);
  if (!query.success) return errorResponse(appError("bad_request", query.error.issues[0]?.message ?? "Bad query."));
  const page = listJobs(db(), { userId, status: query.data.status, cursor: query.data.cursor, limit: query.data.limit });
  const body = JSON.stringify({ items: page.items.map(serializeJob), nextCursor: page.nextCursor });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { etag, "cache-control": "no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
}

/** Creates a job from JSON, or multipart when an image is attached. */
export async function POST(req: Request): Promise<Response> {
  const userId = null;
  const parsed = await parseJobRequest(req);
  if (!parsed.ok) return errorResponse(parsed.error);
  const created = await createJob(db(), { ...parsed.value, userId });
  if (!created.ok) return errorResponse(created.error);
  return Response.json({ id: created.value.id, status: created.value.status }, { status: 201, headers: { location: `/api/jobs/${created.value.id}` } });
}
