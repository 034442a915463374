"use server";
import { db } from "../db/client";
import { activeShareLinks, createShareLink, revokeShareLink, SHARE_EXPIRY_DAYS } from "../share/share-links";
import { publicOrigin, sharePath } from "../share/share-url";
import { currentViewer } from "../auth/viewer";
import { ownedJob } from "./owned-job";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

export interface ShareLinkJson {
  token: string;
  url: string;
  createdAt: string;
  expiresAt: string | null;
}

/** The job's links that still work. */
export async function listShareLinksAction(jobId: string): Promise<ActionResult<ShareLinkJson[]>> {
  const owned = await ownedJob(jobId);
  if ("fail" in owned) return owned.fail;
  const origin = await publicOrigin();
  const links = activeShareLinks(db(), owned.job.id, owned.viewer.userId).map((l) => ({
    token: l.token,
    url: origin + sharePath(l.token),
    createdAt: new Date(l.createdAt).toISOString(),
    expiresAt: l.expiresAt ? new Date(l.expiresAt).toISOString() : null,
  }));
  return { ok: true, value: links };
}

/** A new public link to a finished video; `expiresInDays` is one of 1, 7, 30, or null for no expiry. */
export async function createShareLinkAction(jobId: string, expiresInDays: number | null): Promise<ActionResult<ShareLinkJson>> {
  if (expiresInDays !== null && !(SHARE_EXPIRY_DAYS as readonly number[]).includes(expiresInDays))
    return actionFail(`A link can expire after ${SHARE_EXPIRY_DAYS.join(", ")} days, or never.`);
  const owned = await ownedJob(jobId);
  if ("fail" in owned) return owned.fail;
  if (owned.job.status !== "succeeded") return actionFail("Only a finished video can be shared.");
  const link = createShareLink(db(), owned.job, expiresInDays);
  return {
    ok: true,
    value: {
      token: link.token,
      url: (await publicOrigin()) + sharePath(link.token),
      createdAt: new Date(link.createdAt).toISOString(),
      expiresAt: link.expiresAt ? new Date(link.expiresAt).toISOString() : null,
    },
  };
}

/** Stops a link at once: its page and media answer 404 from the next request on. */
export async function revokeShareLinkAction(token: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof token !== "string" || !revokeShareLink(db(), token, viewer.userId)) return actionFail("That link is already revoked or is not yours.");
  return { ok: true, value: null };
}
