import "server-only";
import type { Db } from "../db/client";
import { getJob } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { fail, ok, type Result } from "../errors";
import { getModel, providerOf } from "../providers/registry";
import { transition } from "./apply-update";

/** Cancels an unfinished job here and, best effort, at the provider. */
export async function cancelJob(db: Db, job: Job): Promise<Result<Job>> {
  if (job.status === "saving")
    return fail("conflict", "The video is already finished and being saved; it can no longer be canceled.");
  if (!(await transition(db, job.id, { to: "canceled", source: "user" }))) return fail("conflict", "This job has already finished.");
  const model = getModel(job.model);
  if (model && job.providerJobId) {
    const provider = providerOf(model);
    const ref = { providerJobId: job.providerJobId, providerData: job.providerData ?? null };
    await provider.cancel?.(ref).catch((err) => console.warn(`[jobs] provider cancel for ${job.id} failed`, err));
    await provider.release?.(ref).catch(() => undefined);
  }
  return ok((await getJob(db, job.id)) ?? job);
}
