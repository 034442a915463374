/**
 * Monthly budget caps: one for the whole instance and one per person (a default for everyone,
 * with per-person overrides), set by the owner. A new job reserves its estimate; a job that would
 * pass a cap is refused before anything is written or sent. The check and the reservation run in
 * one transaction under one lock, so two creates at once cannot both spend the last dollars.
 */
import { transaction, type Db } from "../db/client";
import { readSetting, writeSetting } from "../db/queries/instance-settings";
import { spentBetween } from "../db/queries/ledger";
import { formatUsd } from "./format-job";

export const BUDGET_KEYS = {
  instance: "budget:instance:monthly-usd",
  perUser: "budget:user:monthly-usd",
  user: (userId: string) => `budget:user:${userId}:monthly-usd`,
} as const;

export interface Caps {
  instanceUsd: number | null;
  userUsd: number | null;
}

const asCap = (v: string | undefined): number | null => {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

export async function readCaps(db: Db, userId: string): Promise<Caps> {
  const [instance, perUser, own] = await Promise.all([readSetting(db, BUDGET_KEYS.instance), readSetting(db, BUDGET_KEYS.perUser), readSetting(db, BUDGET_KEYS.user(userId))]);
  return { instanceUsd: asCap(instance), userUsd: asCap(own) ?? asCap(perUser) };
}

/** The default cap for each person (their own override aside). */
export async function perUserCap(db: Db): Promise<number | null> {
  return asCap(await readSetting(db, BUDGET_KEYS.perUser));
}

/** Each named person's own cap, where the owner set one (it wins over the default for everyone). */
export async function personCaps(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  const caps = new Map<string, number>();
  for (const id of userIds) {
    const cap = asCap(await readSetting(db, BUDGET_KEYS.user(id)));
    if (cap !== null) caps.set(id, cap);
  }
  return caps;
}

/** Sets (a number of dollars) or clears (null) one cap. Only the owner may call this (checked by the caller). */
export async function writeCap(db: Db, key: string, usd: number | null): Promise<void> {
  await writeSetting(db, key, usd === null ? "" : String(usd));
}

/** The UTC calendar month around `now`: [start, end) in epoch ms, and its name ("December"). */
export function monthOf(now: number): { from: number; to: number; name: string } {
  const d = new Date(now);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { from, to, name: d.toLocaleString("en", { month: "long", timeZone: "UTC" }) };
}

/**
 * "This video would cost about $1.20 and your budget for December has $0.40 left; the owner can raise it in Settings."
 * Takes and compares (`videos` > 1) say "These 2 videos would cost about …": the sum is what is refused.
 */
export function refusal(estimateUsd: number, leftUsd: number, whose: "your" | "this studio's", month: string, videos = 1): string {
  const subject = videos > 1 ? `These ${videos} videos` : "This video";
  return `${subject} would cost about ${formatUsd(estimateUsd)} and ${whose} budget for ${month} has ${formatUsd(Math.max(0, leftUsd))} left; the owner can raise it in Settings.`;
}

/**
 * Inside the create transaction: null when the estimate fits every cap, else the refusal sentence.
 * Takes the budget lock first (Postgres; SQLite's single writer already orders creates).
 */
export async function checkBudget(tx: Db, userId: string, estimateUsd: number, now: number, videos = 1): Promise<string | null> {
  if (estimateUsd <= 0) return null;
  const caps = await readCaps(tx, userId);
  if (caps.instanceUsd === null && caps.userUsd === null) return null;
  await tx.dialect.lockKey(tx, "budget");
  const month = monthOf(now);
  if (caps.userUsd !== null) {
    const left = caps.userUsd - (await spentBetween(tx, month.from, month.to, userId));
    if (estimateUsd > left + 1e-9) return refusal(estimateUsd, left, "your", month.name, videos);
  }
  if (caps.instanceUsd !== null) {
    const left = caps.instanceUsd - (await spentBetween(tx, month.from, month.to));
    if (estimateUsd > left + 1e-9) return refusal(estimateUsd, left, "this studio's", month.name, videos);
  }
  return null;
}

/**
 * Runs `write` (the job and its reservation, or a generation's N jobs and their N reservations) in
 * one transaction with the budget check before it: either everything is written, or nothing and
 * the refusal sentence comes back. `estimateUsd` is the sum over the `videos` being created.
 */
export async function withinBudget<T>(
  db: Db,
  userId: string,
  estimateUsd: number,
  now: number,
  write: (tx: Db) => Promise<T>,
  videos = 1,
): Promise<{ ok: true; value: T } | { ok: false; refusal: string }> {
  return transaction(db, async (tx) => {
    const refused = await checkBudget(tx, userId, estimateUsd, now, videos);
    return refused ? { ok: false as const, refusal: refused } : { ok: true as const, value: await write(tx) };
  });
}
