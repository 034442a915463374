"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isOwner } from "../auth/instance";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { BUDGET_KEYS, writeCap } from "../jobs/budget";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

const input = z.object({
  scope: z.enum(["instance", "perUser"]),
  // Blank clears the cap.
  usd: z.union([z.literal(""), z.coerce.number({ error: "Write an amount in dollars, like 50." }).min(0, "A cap cannot be negative.").max(1_000_000, "That cap is too large.")]),
});

/** Only the owner sets the studio's monthly cap and the default cap for each person. */
export async function setBudgetAction(scope: unknown, usd: unknown): Promise<ActionResult<{ capUsd: number | null }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const parsed = input.safeParse({ scope, usd: typeof usd === "string" ? usd.trim() : usd });
  if (!parsed.success) return actionFail(parsed.error.issues[0]?.message ?? "Check the amount.");
  const database = await db();
  if (!(await isOwner(database, viewer.userId))) return actionFail("Only the owner of this studio can change its budgets.");
  const capUsd = parsed.data.usd === "" ? null : parsed.data.usd;
  await writeCap(database, BUDGET_KEYS[parsed.data.scope], capUsd);
  revalidatePath("/settings");
  revalidatePath("/usage");
  return { ok: true, value: { capUsd } };
}
