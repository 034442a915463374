import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { Db } from "../db/client";
import { insertGenerationWithinLimitIn } from "../db/queries/generations";
import type { Job, NewJob } from "../db/schema";
import { appError, fail, ok, type Result } from "../errors";
import { storage } from "../storage";
import { writeLedger } from "../db/queries/ledger";
import { roundUsd } from "../models/price";
import { withinBudget } from "./budget";
import { checkActiveBudget, checkJobRequest, MAX_ACTIVE_JOBS_PER_USER, prepareJobRow, type CheckedJob } from "./create-job";
import { jobEvents } from "./events";
import { MAX_SEED } from "./schemas";
import { ACTIVE_STATUSES } from "./states";
import { generationFields } from "./generation-fields";
import { MAX_COMPARE, MAX_TAKES } from "./generation-limits";
import { reservation, type LedgerEntry } from "./ledger-entries";

export interface CreateGenerationInput {
  /** Untrusted job fields, as createJob takes them; `model` is the composer's model. */
  fields: Record<string, unknown>;
  image: Buffer | null;
  userId: string;
  parentId?: string | null;
  /** Already checked as the person's own project (or null for Unsorted). */
  projectId?: string | null;
  /** How many takes of one model (1..MAX_TAKES). Ignored when comparing. */
  takes: number;
  /** Models to compare, one take each (2..MAX_COMPARE); empty for takes of one model. */
  compare: string[];
}

/**
 * Seeds for `n` takes: the asked seed and the ones after it, or fresh random ones, so each take
 * differs and can be made again. Null where the model has no seed.
 */
export function takeSeeds(n: number, hasSeed: boolean, asked: number | undefined): (number | null)[] {
  if (!hasSeed) return Array.from({ length: n }, () => null);
  if (asked === undefined) return Array.from({ length: n }, () => randomInt(0, MAX_SEED));
  return Array.from({ length: n }, (_, i) => (asked + i) % (MAX_SEED + 1));
}

/**
 * One submit: N takes of one model, or one take per compared model, as one generation. Every
 * model is checked before anything is stored, and the limit of videos in progress counts all of them.
 */
export async function createGeneration(db: Db, input: CreateGenerationInput): Promise<Result<Job[]>> {
  const compare = [...new Set(input.compare)];
  if (compare.length === 1) return fail("validation", "Pick at least two models to compare, or turn compare off.", { compare: "Pick two to four models." });
  if (compare.length > MAX_COMPARE) return fail("validation", `Compare at most ${MAX_COMPARE} models at once.`, { compare: `Pick up to ${MAX_COMPARE} models.` });
  if (!Number.isInteger(input.takes) || input.takes < 1 || input.takes > MAX_TAKES)
    return fail("validation", `Ask for 1 to ${MAX_TAKES} takes.`, { takes: `Pick 1, 2 or 4 takes.` });

  const checked: { check: CheckedJob; seed: number | null }[] = [];
  if (compare.length === 0) {
    const one = await checkJobRequest(db, input.fields, input.image !== null);
    if (!one.ok) return one;
    const seeds = takeSeeds(input.takes, one.value.spec.seed, one.value.req.seed);
    for (const seed of seeds) checked.push({ check: one.value, seed });
  } else {
    for (const model of compare) {
      const fields = await generationFields(db, input.fields, model);
      const one = await checkJobRequest(db, fields, input.image !== null);
      if (!one.ok) return { ok: false, error: { ...one.error, message: `In the compare, ${one.error.message}` } };
      checked.push({ check: one.value, seed: one.value.req.seed ?? null });
    }
  }

  const budget = await checkActiveBudget(db, input.userId, checked.length);
  if (!budget.ok) return budget;

  const generationId = randomBytes(16).toString("base64url");
  const rows: NewJob[] = [];
  const reserved: LedgerEntry[] = [];
  const stored = async () => {
    for (const r of rows) if (r.inputImageKey) await storage().delete(r.inputImageKey);
  };
  for (const { check, seed } of checked) {
    const row = await prepareJobRow(check, { userId: input.userId, image: input.image, parentId: input.parentId, projectId: input.projectId, generationId, seed });
    if (!row.ok) {
      await stored();
      return row;
    }
    rows.push(row.value);
    reserved.push(reservation({ ...row.value, userId: input.userId, routeIndex: 0, options: row.value.options ?? null }, check.spec));
  }
  // Takes keep the order they were asked in: the same createdAt would leave it to the ids.
  rows.forEach((r, i) => (r.createdAt = r.createdAt! + i));
  const createdAt = rows[0]!.createdAt!;
  const total = roundUsd(reserved.reduce((sum, r) => sum + r.usd, 0));
  let jobs: Job[] | null;
  try {
    // The budget check, the limit of videos in progress, the generation, its N jobs and their N
    // reservations in one transaction: two generations at once cannot both spend the last dollars or
    // take the last places, and a refused one leaves no row.
    const generation = { id: generationId, userId: input.userId, kind: compare.length ? "compare" : "takes", prompt: rows[0]!.prompt, createdAt } as const;
    const created = await withinBudget(
      db,
      input.userId,
      total,
      createdAt,
      async (tx) => {
        const inserted = await insertGenerationWithinLimitIn(tx, generation, rows, MAX_ACTIVE_JOBS_PER_USER, ACTIVE_STATUSES);
        if (inserted) await writeLedger(tx, reserved, createdAt);
        return inserted;
      },
      rows.length,
    );
    if (!created.ok) {
      await stored();
      return fail("forbidden", created.refusal, { model: created.refusal });
    }
    jobs = created.value;
  } catch (err) {
    await stored();
    throw err;
  }
  if (!jobs) {
    // Others took the places while the images were being stored: the same answer as the early check.
    await stored();
    const again = await checkActiveBudget(db, input.userId, checked.length);
    return again.ok ? { ok: false, error: { ...appError("rate_limited", `These takes would pass the limit of ${MAX_ACTIVE_JOBS_PER_USER} videos in progress. Ask for fewer, or wait for some to finish.`), retryAfterSeconds: 30 } } : again;
  }
  for (const job of jobs) jobEvents().emit("created", job.id);
  return ok(jobs);
}
