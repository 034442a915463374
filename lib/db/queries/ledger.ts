/** The cost ledger's writes and sums (see the ledger table). Every amount is signed, so spend is one SUM. */
import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import type { LedgerRow } from "../schema";

export interface LedgerWrite {
  jobId: string;
  attempt: number;
  kind: LedgerRow["kind"];
  userId: string | null;
  usd: number;
  model: string;
  provider: string;
  family: string;
}

/** Writes rows once: a second write of the same (job, attempt, kind) changes nothing. */
export async function writeLedger(db: Db, rows: readonly LedgerWrite[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db.orm
    .insert(db.t.ledger)
    .values(rows.map((r) => ({ ...r, createdAt: now })))
    .onConflictDoNothing();
}

/** The reservation of one attempt, if it was reserved. */
export async function reservationOf(db: Db, jobId: string, attempt: number): Promise<LedgerRow | undefined> {
  const { ledger } = db.t;
  const [row] = await db.orm
    .select()
    .from(ledger)
    .where(and(eq(ledger.jobId, jobId), eq(ledger.attempt, attempt), eq(ledger.kind, "estimate")))
    .limit(1);
  return row;
}

function within(db: Db, from: number, to: number, userId?: string): SQL {
  const { ledger } = db.t;
  return and(gte(ledger.createdAt, from), lt(ledger.createdAt, to), userId === undefined ? undefined : eq(ledger.userId, userId))!;
}

/** Spend (actuals plus open reservations) between two times, for one person or the whole instance. */
export async function spentBetween(db: Db, from: number, to: number, userId?: string): Promise<number> {
  const { ledger } = db.t;
  const [row] = await db.orm
    .select({ usd: sql<number | string | null>`COALESCE(SUM(${ledger.usd}), 0)` })
    .from(ledger)
    .where(within(db, from, to, userId));
  return Number(row?.usd ?? 0);
}

export interface SpendGroup {
  key: string;
  usd: number;
}

/** Spend grouped by one column (model family, provider, person) or by UTC day, largest first (days in order). */
export async function spendBy(db: Db, by: "family" | "provider" | "userId" | "day", from: number, to: number, userId?: string): Promise<SpendGroup[]> {
  const { ledger } = db.t;
  // Days are cut in UTC from epoch milliseconds, the same arithmetic on both engines.
  const key = by === "day" ? sql<number>`(${ledger.createdAt} / 86400000)` : ledger[by];
  const rows = await db.orm
    .select({ key: sql<string | number | null>`${key}`, usd: sql<number | string>`SUM(${ledger.usd})` })
    .from(ledger)
    .where(within(db, from, to, userId))
    .groupBy(key);
  const groups = rows.map((r) => ({
    key: by === "day" ? new Date(Math.floor(Number(r.key)) * 86_400_000).toISOString().slice(0, 10) : String(r.key ?? "(none)"),
    usd: Math.round(Number(r.usd) * 1000) / 1000,
  }));
  return by === "day" ? groups.sort((a, b) => a.key.localeCompare(b.key)) : groups.sort((a, b) => b.usd - a.usd);
}

/** The ledger's rows between two times, oldest first, for CSV export. */
export async function ledgerRows(db: Db, from: number, to: number, userId?: string): Promise<LedgerRow[]> {
  const { ledger } = db.t;
  return db.orm.select().from(ledger).where(within(db, from, to, userId)).orderBy(asc(ledger.createdAt), asc(ledger.jobId), asc(ledger.attempt));
}
