import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { getJob } from "../db/queries/jobs";
import { getShareLink, insertShareLinkWithinLimit, revokeShareLink as revokeRow, unrevokedShareLinks } from "../db/queries/share-links";
import type { Job, ShareLink } from "../db/schema";

export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;

/** More live links than this on one video is a mistake, not a need. */
export const MAX_LIVE_LINKS_PER_JOB = 20;

/** 24 random bytes: 192 bits, well above the 128 the design asks for, and URL-safe. */
function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * A new link to the job's video; null when the job already has MAX_LIVE_LINKS_PER_JOB live links.
 * `allowDownload` false keeps the Download button off its page and refuses `?download`.
 */
export function createShareLink(db: Db, job: Job, expiresInDays: number | null, now = Date.now(), allowDownload = true): Promise<ShareLink | null> {
  return insertShareLinkWithinLimit(db, {
    token: newToken(),
    jobId: job.id,
    userId: job.userId!,
    createdAt: now,
    expiresAt: expiresInDays ? now + expiresInDays * 86_400_000 : null,
    allowDownload,
  }, MAX_LIVE_LINKS_PER_JOB);
}

/** The links of one job that still work, newest first. */
export async function activeShareLinks(db: Db, jobId: string, userId: string, now = Date.now()): Promise<ShareLink[]> {
  return (await unrevokedShareLinks(db, jobId, userId)).filter((l) => l.expiresAt === null || l.expiresAt > now);
}

export function revokeShareLink(db: Db, token: string, userId: string, now = Date.now()): Promise<boolean> {
  return revokeRow(db, token, userId, now);
}

/** A job whose video and poster are stored: what a share link can show. */
export type SharedJob = Job & { videoKey: string; posterKey: string };

/** The shared job behind a token, only while the link is live and the video is stored. */
export async function resolveShare(db: Db, token: string, now = Date.now()): Promise<{ link: ShareLink; job: SharedJob } | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const link = await getShareLink(db, token);
  if (!link || link.revokedAt !== null || (link.expiresAt !== null && link.expiresAt <= now)) return null;
  const job = await getJob(db, link.jobId);
  if (!job || job.status !== "succeeded" || !job.videoKey || !job.posterKey) return null;
  return { link, job: { ...job, videoKey: job.videoKey, posterKey: job.posterKey } };
}
