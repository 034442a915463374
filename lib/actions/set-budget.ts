"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isOwner } from "../auth/instance";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { listAccounts } from "../db/queries/accounts";
import { BUDGET_KEYS, writeCap } from "../jobs/budget";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

const input = z.object({
  // "instance", "perUser" (the default for each person), or one person's own cap: "user:<id>".
  scope: z.union([z.enum(["instance", "perUser"]), z.string().regex(/^user:[\w-]{1,100}$/)]),
  // Blank clears the cap.
  usd: z.union([z.literal(""), z.coerce.number({ error: "Write an amount in dollars, like 50." }).min(0, "A cap cannot be negative.").max(1_000_000, "That cap is too large.")]),
});

/** Only the owner sets the studio's monthly cap, the default cap for each person, and one person's own cap. */
export async function setBudgetAction(scope: unknown, usd: unknown): Promise<ActionResult<{ capUsd: number | null }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const parsed = input.safeParse({ scope, usd: typeof usd === "string" ? usd.trim() : usd });
  if (!parsed.success) return actionFail(parsed.error.issues[0]?.message ?? "Check the amount.");
  const database = await db();
  if (!(await isOwner(database, viewer.userId))) return actionFail("Only the owner of this studio can change its budgets.");
  const capUsd = parsed.data.usd === "" ? null : parsed.data.usd;
  const asked = parsed.data.scope;
  let key: string;
  if (asked === "instance" || asked === "perUser") key = BUDGET_KEYS[asked];
  else {
    const userId = asked.slice("user:".length);
    if (!(await listAccounts(database)).some((a) => a.id === userId)) return actionFail("That person has no account here.");
    key = BUDGET_KEYS.user(userId);
  }
  await writeCap(database, key, capUsd);
  revalidatePath("/settings");
  revalidatePath("/usage");
  return { ok: true, value: { capUsd } };
}
