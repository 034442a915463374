import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isValidCursor, listJobs } from "@/lib/db/queries/jobs";
import { JOB_STATUSES } from "@/lib/db/schema";
import { MAX_SEARCH_LENGTH, UNSORTED_ID } from "@/lib/jobs/list-filters";
import { appError, errorResponse } from "@/lib/errors";
import { parseJobRequest } from "@/lib/http/parse-job-request";
import { requireViewer } from "@/lib/http/require-viewer";
import { createJob } from "@/lib/jobs/create-job";
import { serializeJobs } from "@/lib/jobs/serialize-jobs";

export const dynamic = "force-dynamic";

const list = (s: string) => s.split(",").filter(Boolean);

const listQuery = z.object({
  cursor: z.string().max(200).refine(isValidCursor, "The cursor is not valid.").optional(),
  status: z
    .string()
    .transform(list)
    .pipe(z.array(z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}.` })))
    .optional(),
  model: z.string().max(200).optional(),
  /** A project id of the asker's, or "unsorted"; someone else's id simply matches none of the asker's jobs. */
  project: z.string().max(64).optional(),
  favorite: z.enum(["true", "false"], { error: "favorite must be true or false." }).optional(),
  q: z.string().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`).optional(),
  changedSince: z.coerce.number().int().nonnegative({ error: "changedSince must be a time in epoch milliseconds." }).optional(),
  ids: z.string().transform(list).pipe(z.array(z.string().max(64)).max(100, "Ask for at most 100 ids.")).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/**
 * Lists the asker's jobs newest first, paged by cursor, filtered by status, model, favorite and
 * prompt search. `changedSince` returns only rows updated since then, for polling; an unchanged
 * answer is a 304.
 */
export async function GET(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const query = listQuery.safeParse(params);
  if (!query.success) return errorResponse(appError("bad_request", query.error.issues[0]?.message ?? "Bad query."));
  const { favorite, q, project, ...rest } = query.data;
  const database = await db();
  const page = await listJobs(database, {
    ...rest,
    userId: asked.viewer.userId,
    favorite: favorite === "true",
    search: q,
    project: project === undefined ? undefined : project === UNSORTED_ID ? null : project,
  });
  const body = JSON.stringify({ items: await serializeJobs(database, page.items), nextCursor: page.nextCursor });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { etag, "cache-control": "private, no-cache" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
}

/** Creates a job from JSON, or multipart when an image is attached. */
export async function POST(req: Request): Promise<Response> {
  const asked = await requireViewer(req);
  if ("response" in asked) return asked.response;
  const parsed = await parseJobRequest(req);
  if (!parsed.ok) return errorResponse(parsed.error);
  const created = await createJob(await db(), { ...parsed.value, userId: asked.viewer.userId });
  if (!created.ok) return errorResponse(created.error);
  return Response.json({ id: created.value.id, status: created.value.status }, { status: 201, headers: { location: `/api/jobs/${created.value.id}` } });
}
