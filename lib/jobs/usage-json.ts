/** The JSON shape of GET /api/usage as a zod schema, for the OpenAPI document; the type check below keeps it equal to `Usage`. */
import { z } from "zod";
import type { Usage } from "./usage";

const spend = z.object({ key: z.string(), usd: z.number() });
const labelled = spend.extend({ label: z.string() });
const against = z.object({ spentUsd: z.number(), capUsd: z.number().nullable().describe("The monthly cap in dollars; null: no cap") });

export const usageJsonSchema = z.object({
  month: z.object({ name: z.string(), from: z.string(), to: z.string() }),
  you: against.describe("Your spend this month (actuals plus open reservations) against your cap"),
  studio: against.nullable().describe("The whole studio's, for the owner only"),
  byDay: z.array(spend).describe("Spend per UTC day (key: the day)"),
  byModel: z.array(labelled),
  byProvider: z.array(labelled),
  byPerson: z.array(labelled).nullable().describe("Per person, for the owner only"),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesUsage: Same<z.infer<typeof usageJsonSchema>, Usage> = true;
void schemaMatchesUsage;
