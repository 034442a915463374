import "server-only";
import type { z } from "zod";
import type { Viewer } from "../auth/viewer";
import type { Job } from "../db/schema";
import { appError, errorResponse, type Result } from "../errors";
import { requireOwnedJob, requireViewer } from "./require-viewer";

type Context<P> = { params: Promise<P> };
type NoParams = Record<string, never>;

/** Answers that must never be cached: they are one person's, or carry a secret. */
export const NO_STORE = { "cache-control": "no-store" } as const;

/**
 * Rule 1's first step, once for every API route: who is asking is settled (the 401, or the
 * cross-site 403, answered here) before the handler runs, so a handler cannot forget it.
 */
export function viewerRoute<P = NoParams>(handler: (req: Request, viewer: Viewer, params: P) => Promise<Response>) {
  return async (req: Request, ctx?: Context<P>): Promise<Response> => {
    const asked = await requireViewer(req);
    if ("response" in asked) return asked.response;
    return handler(req, asked.viewer, (await ctx?.params) as P);
  };
}

/** The same for /api/jobs/[id]/…: the job the asker owns, or a 404 that tells a stranger nothing. */
export function ownedJobRoute(handler: (req: Request, job: Job, viewer: Viewer) => Promise<Response>) {
  return async (req: Request, ctx: Context<{ id: string }>): Promise<Response> => {
    const owned = await requireOwnedJob(req, (await ctx.params).id);
    if ("response" in owned) return owned.response;
    return handler(req, owned.job, owned.viewer);
  };
}

/** The URL's query string through a zod schema; a bad one is a 400 whose sentence is the first problem. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): Result<z.output<S>> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: appError("bad_request", parsed.error.issues[0]?.message ?? "Bad query.") };
}

/** A Result as the answer: its value as JSON, or its error with the error's status. */
export function resultResponse<T>(result: Result<T>, init?: ResponseInit): Response {
  return result.ok ? Response.json(result.value, init) : errorResponse(result.error);
}
