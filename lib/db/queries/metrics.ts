/** Aggregates read when /api/metrics is scraped: a handful of grouped counts over indexed columns. */
import { and, count, eq, inArray, isNotNull, min, sum } from "drizzle-orm";
import type { Db } from "../client";
import type { JobStatus } from "../schema";

export async function jobCountsByStatusAndProvider(db: Db): Promise<{ status: JobStatus; provider: string; n: number }[]> {
  const { jobs } = db.t;
  return db.orm.select({ status: jobs.status, provider: jobs.provider, n: count() }).from(jobs).groupBy(jobs.status, jobs.provider);
}

/** Per provider, when its oldest queued job was created (the queue's age is now minus that). */
export async function oldestQueuedByProvider(db: Db): Promise<{ provider: string; createdAt: number }[]> {
  const { jobs } = db.t;
  const rows = await db.orm
    .select({ provider: jobs.provider, createdAt: min(jobs.createdAt) })
    .from(jobs)
    .where(eq(jobs.status, "queued"))
    .groupBy(jobs.provider);
  return rows.filter((r): r is { provider: string; createdAt: number } => r.createdAt !== null).map((r) => ({ provider: r.provider, createdAt: Number(r.createdAt) }));
}

/** Bytes of finished videos in storage, and how many there are. */
export async function storedVideoBytes(db: Db, statuses: readonly JobStatus[] = ["succeeded"]): Promise<{ bytes: number; videos: number }> {
  const { jobs } = db.t;
  const [row] = await db.orm
    .select({ bytes: sum(jobs.videoBytes), videos: count() })
    .from(jobs)
    .where(and(inArray(jobs.status, [...statuses]), isNotNull(jobs.videoKey)));
  return { bytes: Number(row?.bytes ?? 0), videos: row?.videos ?? 0 };
}

