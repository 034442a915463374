/** /api/health's answer as a zod schema, for the OpenAPI document; checked against HealthReport at compile time. */
import { z } from "zod";
import type { HealthReport } from "./health";

const check = z.object({ ok: z.boolean(), error: z.string().optional().describe("What is down, when it is") });

export const healthSchema = z.object({
  ok: z.boolean(),
  database: check,
  storage: check.extend({ driver: z.enum(["disk", "s3"]) }),
  worker: check.extend({
    mode: z.enum(["embedded", "separate"]),
    lastHeartbeatAt: z.string().nullable(),
    secondsSinceHeartbeat: z.number().int().nullable(),
  }),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches: Same<z.infer<typeof healthSchema>, HealthReport> = true;
void matches;
