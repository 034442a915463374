import "server-only";
import { viewerFromRequest, type Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { appError, errorResponse } from "../errors";

/** The asker of an API call, or the 401 to answer. */
export async function requireViewer(req: Request): Promise<{ viewer: Viewer } | { response: Response }> {
  const viewer = await viewerFromRequest(req);
  if (viewer) return { viewer };
  return {
    response: errorResponse(
      appError("unauthorized", "Sign in, or send a personal API token (Settings → API tokens) as `Authorization: Bearer <token>`."),
    ),
  };
}

/** A job the asker owns, or the 404 to answer: a stranger learns nothing, not even that the job exists. */
export async function requireOwnedJob(req: Request, id: string): Promise<{ viewer: Viewer; job: Job } | { response: Response }> {
  const viewer = await viewerFromRequest(req);
  const job = viewer ? getOwnedJob(db(), id, viewer.userId) : undefined;
  if (!viewer || !job) return { response: errorResponse(appError("not_found", "No such job.")) };
  return { viewer, job };
}
