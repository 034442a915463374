"use server";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import type { ShareLink } from "../db/schema";
import { publicOrigin } from "../http/public-origin";
import { activeShareLinks, createShareLink, MAX_LIVE_LINKS_PER_JOB, revokeShareLink, SHARE_EXPIRY_DAYS } from "../share/share-links";
import { sharePath } from "../share/share-url";
import { ownedJob } from "./owned-job";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

export interface ShareLinkJson {
  token: string;
  url: string;
  createdAt: string;
  expiresAt: string | null;
  allowDownload: boolean;
}

function toJson(link: ShareLink, origin: string): ShareLinkJson {
  return {
    token: link.token,
    url: origin + sharePath(link.token),
    createdAt: new Date(link.createdAt).toISOString(),
    expiresAt: link.expiresAt ? new Date(link.expiresAt).toISOString() : null,
    allowDownload: link.allowDownload,
  };
}

/** The job's links that still work. */
export async function listShareLinksAction(jobId: string): Promise<ActionResult<ShareLinkJson[]>> {
  const owned = await ownedJob(jobId);
  if ("fail" in owned) return owned.fail;
  const origin = await publicOrigin();
  return { ok: true, value: (await activeShareLinks(await db(), owned.job.id, owned.viewer.userId)).map((l) => toJson(l, origin)) };
}

/** A new public link to a finished video; `expiresInDays` is one of 1, 7, 30, or null for no expiry; `allowDownload` puts a Download button on its page. */
export async function createShareLinkAction(jobId: string, expiresInDays: number | null, allowDownload: boolean = true): Promise<ActionResult<ShareLinkJson>> {
  const owned = await ownedJob(jobId);
  if ("fail" in owned) return owned.fail;
  if (expiresInDays !== null && !(SHARE_EXPIRY_DAYS as readonly number[]).includes(expiresInDays))
    return actionFail(`A link can expire after ${SHARE_EXPIRY_DAYS.join(", ")} days, or never.`);
  if (typeof allowDownload !== "boolean") return actionFail("Choose whether people with the link may download the video.");
  if (owned.job.status !== "succeeded") return actionFail("Only a finished video can be shared.");
  const link = await createShareLink(await db(), owned.job, expiresInDays, Date.now(), allowDownload);
  if (!link) return actionFail(`This video already has ${MAX_LIVE_LINKS_PER_JOB} live links. Revoke one you no longer need first.`);
  return { ok: true, value: toJson(link, await publicOrigin()) };
}

/** Stops a link at once: its page and media answer 404 from the next request on. */
export async function revokeShareLinkAction(token: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof token !== "string" || !(await revokeShareLink(await db(), token, viewer.userId))) return actionFail("That link is already revoked or is not yours.");
  return { ok: true, value: null };
}
