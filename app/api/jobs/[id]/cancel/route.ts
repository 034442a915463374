import { db } from "@/lib/db/client";
import { ownedJobRoute, resultResponse } from "@/lib/http/api-route";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { ok } from "@/lib/errors";
import { serializeJob } from "@/lib/jobs/serialize";

export const dynamic = "force-dynamic";

export const POST = ownedJobRoute(async (_req, job) => {
  const result = await cancelJob(await db(), job);
  return resultResponse(result.ok ? ok(serializeJob(result.value)) : result);
});
