/**
 * The guarded writes of a job's status: the state table's guard sits inside the UPDATE, so a late,
 * duplicated or out-of-order change is a no-op. What to write is decided in lib/jobs/apply-update.ts.
 */
import { and, Column, eq, inArray, is, isNull, lt, or, SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Job, JobStatus, NewJob } from "../schema";

/** A status change as lib/jobs/apply-update.ts decided it. */
export interface JobStatusWrite {
  to: JobStatus;
  /** The statuses the job may be in for the change to apply (the state table's guard). */
  from: readonly JobStatus[];
  /** Plain column values written with the change. */
  fields: Partial<NewJob>;
  /** Progress only grows: written as the greater of the stored value and this. */
  progress?: number;
  /** Written only if the job has no submittedAt yet. */
  submittedAt?: number;
  /** Applies only while the job is still on this attempt (news about an earlier route changes nothing). */
  routeIndex?: number;
  /** A refresh (the job is already in `to`) writes only if it brings news: more progress, another ETA, a first provider id. */
  news: { progress?: number; etaSeconds?: number; providerJobId?: boolean };
}

/** Applies a status change if the guard allows it; returns whether the row changed. */
export async function writeJobStatus(db: Db, id: string, w: JobStatusWrite): Promise<boolean> {
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set(statusSet(db, w, (value) => value))
    .where(and(eq(jobs.id, id), guard(db, w)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** How a worker step ends, committed by commitStep in one statement. */
export interface StepOutcome {
  /** The status change the step brings, applied only if the guard allows it. */
  status?: JobStatusWrite;
  /** Written whatever the guard says (what the provider told us must not be lost, e.g. its job id). */
  fields?: Partial<NewJob>;
  /** Written only while this worker holds the lease, which is released in the same statement. */
  bookkeeping?: Partial<NewJob>;
  /** When the worker should look again; null keeps the current time. */
  nextCheckAt: number | null;
  /** A job found in `saving` afterwards (this change or someone else's) is due at once: its copy waits. */
  dueAtOnceIfSaving?: boolean;
}

/**
 * Ends a worker step in ONE statement: the guarded status change, what must be kept anyway, and
 * the lease released with the step's bookkeeping and next check (only if this worker still holds
 * it). Returns the row as it is afterwards, so nobody re-reads it, and whether the status change
 * applied; undefined if the job is gone.
 *
 * Every SET expression reads the row as it was before the UPDATE (on both engines), so the
 * guard is evaluated once per column against the same old row.
 */
export async function commitStep(db: Db, id: string, owner: string, o: StepOutcome, now: number): Promise<{ job: Job; changed: boolean } | undefined> {
  const { jobs } = db.t;
  const g = o.status ? guard(db, o.status) : sql`false`;
  const mine = sql`${jobs.leaseOwner} = ${owner}`;
  const set: Record<string, unknown> = { ...o.fields };
  if (o.status) Object.assign(set, statusSet(db, o.status, (value, column) => caseWhen(g, value, column)));
  for (const [key, value] of Object.entries(o.bookkeeping ?? {})) set[key] = caseWhen(mine, value, column(db, key));

  // One flat CASE whose ELSE is the column, so Postgres types every branch's parameter from it.
  const next: SQL[] = [];
  if (o.dueAtOnceIfSaving) {
    const savingAfter = o.status?.to === "saving" ? sql`(${g} OR ${jobs.status} = 'saving')` : sql`${jobs.status} = 'saving'`;
    next.push(sql`WHEN ${mine} AND ${savingAfter} THEN ${sql.param(now, jobs.nextCheckAt)}`);
  }
  if (o.nextCheckAt !== null) next.push(sql`WHEN ${mine} THEN ${sql.param(o.nextCheckAt, jobs.nextCheckAt)}`);
  const byChange = o.status?.fields.nextCheckAt;
  if (byChange !== undefined) next.push(sql`WHEN ${g} THEN ${sql.param(byChange, jobs.nextCheckAt)}`);
  if (next.length) set.nextCheckAt = sql`CASE ${sql.join(next, sql` `)} ELSE ${jobs.nextCheckAt} END`;
  set.leaseOwner = sql`CASE WHEN ${mine} THEN NULL ELSE ${jobs.leaseOwner} END`;
  set.leaseUntil = sql`CASE WHEN ${mine} THEN NULL ELSE ${jobs.leaseUntil} END`;

  const [row] = await db.orm
    .update(jobs)
    .set(set as Partial<NewJob>)
    .where(eq(jobs.id, id))
    .returning();
  if (!row) return undefined;
  // The change applied exactly when the row now carries its status and its timestamp (updatedAt is `now` only if it did, or if
  // another writer moved it to the same status in the same millisecond, which tells the same news).
  return { job: row, changed: !!o.status && row.status === o.status.to && row.updatedAt === now };
}

/** The SET of a status change, each value passed through `wrap` (commitStep makes them conditional). */
function statusSet(db: Db, w: JobStatusWrite, wrap: (value: unknown, column: Column) => unknown): Partial<NewJob> {
  const { jobs } = db.t;
  const values: Record<string, unknown> = { ...w.fields, status: w.to };
  if (w.progress !== undefined) values.progress = db.dialect.greatest(jobs.progress, w.progress);
  if (w.submittedAt !== undefined) values.submittedAt = sql`COALESCE(${jobs.submittedAt}, ${w.submittedAt})`;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) set[key] = wrap(value, column(db, key));
  return set as Partial<NewJob>;
}

/** The state table's guard, plus "a refresh must bring news". */
function guard(db: Db, w: JobStatusWrite): SQL {
  const { jobs } = db.t;
  const news: SQL[] = [sql`${jobs.status} != ${w.to}`];
  if (w.news.progress !== undefined) news.push(lt(jobs.progress, w.news.progress));
  if (w.news.etaSeconds !== undefined) news.push(db.dialect.distinct(jobs.etaSeconds, w.news.etaSeconds));
  if (w.news.providerJobId) news.push(isNull(jobs.providerJobId));
  return and(inArray(jobs.status, [...w.from]), w.routeIndex === undefined ? undefined : eq(jobs.routeIndex, w.routeIndex), or(...news))!;
}

/** `value` if `cond` holds, else the column as it is; a plain value is encoded as the column encodes it (JSON, booleans). */
function caseWhen(cond: SQL, value: unknown, col: Column): SQL {
  return sql`CASE WHEN ${cond} THEN ${is(value, SQL) ? value : sql.param(value, col)} ELSE ${col} END`;
}

function column(db: Db, key: string): Column {
  const col = (db.t.jobs as unknown as Record<string, unknown>)[key];
  if (!is(col, Column)) throw new Error(`jobs has no column ${key}`);
  return col;
}
