import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { getModel } from "../providers/registry";
import { resolveShare } from "./share-links";
import type { SharedJob } from "./shared-media";

export interface SharedPage {
  token: string;
  job: SharedJob;
  modelLabel: string;
}

/** What /s/[token] shows, looked up once per request for both the metadata and the page. */
export const loadSharedPage = cache((token: string): SharedPage | null => {
  const shared = resolveShare(db(), token);
  if (!shared) return null;
  const job = shared.job as SharedJob;
  return { token, job, modelLabel: getModel(job.model)?.label ?? job.model };
});
