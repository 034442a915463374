import "server-only";
import { isOwner } from "../auth/instance";
import type { Db } from "../db/client";
import { ledgerRows, spendBy, spentBetween, type SpendGroup } from "../db/queries/ledger";
import { userLabels } from "../db/queries/users";
import type { LedgerRow } from "../db/schema";
import { getFamily } from "../models";
import { getProvider } from "../providers/registry";
import { monthOf, readCaps } from "./budget";

export interface Usage {
  month: { name: string; from: string; to: string };
  /** The asker's spend this month (actuals plus open reservations) against their cap (null: no cap). */
  you: { spentUsd: number; capUsd: number | null };
  /** The whole studio's, for the owner only. */
  studio: { spentUsd: number; capUsd: number | null } | null;
  byDay: SpendGroup[];
  byModel: Array<SpendGroup & { label: string }>;
  byProvider: Array<SpendGroup & { label: string }>;
  /** Per person, for the owner only. */
  byPerson: Array<SpendGroup & { label: string }> | null;
}

const round = (usd: number) => Math.round(usd * 1000) / 1000;

/** This month's figures as the Usage page and GET /api/usage show them: the owner sees the studio, everyone else their own. */
export async function usageFor(db: Db, userId: string, now = Date.now()): Promise<Usage> {
  const month = monthOf(now);
  const owner = await isOwner(db, userId);
  const scope = owner ? undefined : userId;
  const caps = await readCaps(db, userId);
  const [you, studio, byDay, byFamily, byProvider, byPerson] = await Promise.all([
    spentBetween(db, month.from, month.to, userId),
    owner ? spentBetween(db, month.from, month.to) : Promise.resolve(null),
    spendBy(db, "day", month.from, month.to, scope),
    spendBy(db, "family", month.from, month.to, scope),
    spendBy(db, "provider", month.from, month.to, scope),
    owner ? spendBy(db, "userId", month.from, month.to) : Promise.resolve(null),
  ]);
  return {
    month: { name: month.name, from: new Date(month.from).toISOString(), to: new Date(month.to).toISOString() },
    you: { spentUsd: round(you), capUsd: caps.userUsd },
    studio: studio === null ? null : { spentUsd: round(studio), capUsd: caps.instanceUsd },
    byDay,
    byModel: byFamily.map((g) => ({ ...g, label: getFamily(g.key)?.label ?? g.key })),
    byProvider: byProvider.map((g) => ({ ...g, label: getProvider(g.key)?.label ?? g.key })),
    byPerson: byPerson && (await withNames(db, byPerson)),
  };
}

async function withNames(db: Db, groups: SpendGroup[]): Promise<Array<SpendGroup & { label: string }>> {
  const names = await userLabels(db, groups.map((g) => g.key));
  return groups.map((g) => ({ ...g, label: names.get(g.key) ?? "(deleted account)" }));
}

/** The ledger rows the asker may export this month: the studio's for the owner, else their own. */
export async function exportRows(db: Db, userId: string, now = Date.now()): Promise<LedgerRow[]> {
  const month = monthOf(now);
  return ledgerRows(db, month.from, month.to, (await isOwner(db, userId)) ? undefined : userId);
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Quote what needs it; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function ledgerCsv(rows: readonly LedgerRow[]): string {
  const head = ["created_at", "job_id", "attempt", "kind", "usd", "model", "family", "provider", "user_id"];
  const lines = rows.map((r) => [new Date(r.createdAt).toISOString(), r.jobId, r.attempt, r.kind, r.usd, r.model, r.family, r.provider, r.userId].map(cell).join(","));
  return [head.join(","), ...lines].join("\n") + "\n";
}
