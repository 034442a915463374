import "server-only";
import { viewerFromRequest, type Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { getOwnedJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { appError, errorResponse } from "../errors";
import { crossSiteWithCookie } from "./cross-site";

async function askingViewer(req: Request): Promise<Viewer | { response: Response } | null> {
  const viewer = await viewerFromRequest(req);
  if (viewer && crossSiteWithCookie(req, viewer.via))
    return { response: errorResponse(appError("forbidden", "This request came from another site. Use Dailies itself, or an API token.")) };
  return viewer;
}

/** The asker of an API call, or the 401 (or cross-site 403) to answer. */
export async function requireViewer(req: Request): Promise<{ viewer: Viewer } | { response: Response }> {
  const viewer = await askingViewer(req);
  if (viewer && "response" in viewer) return viewer;
  if (viewer) return { viewer };
  return {
    response: errorResponse(
      appError("unauthorized", "Sign in, or send a personal API token (Settings → API tokens) as `Authorization: Bearer <token>`."),
    ),
  };
}

/** A job the asker owns, or the 404 to answer: a stranger learns nothing, not even that the job exists. */
export async function requireOwnedJob(req: Request, id: string): Promise<{ viewer: Viewer; job: Job } | { response: Response }> {
  const viewer = await askingViewer(req);
  if (viewer && "response" in viewer) return viewer;
  const job = viewer ? await getOwnedJob(await db(), id, viewer.userId) : undefined;
  if (!viewer || !job) return { response: errorResponse(appError("not_found", "No such job.")) };
  return { viewer, job };
}
