import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { getModel } from "../providers/registry";
import { resolveShare, type SharedJob } from "./share-links";

export interface SharedPage {
  token: string;
  job: SharedJob;
  modelLabel: string;
  /** The owner allows downloading the file from this link. */
  allowDownload: boolean;
}

/** What /s/[token] and its media show, looked up once per request; null answers the same 404 whatever the reason. */
export const loadSharedPage = cache(async (token: string): Promise<SharedPage | null> => {
  const shared = await resolveShare(await db(), token);
  if (!shared) return null;
  return { token, job: shared.job, modelLabel: getModel(shared.job.model)?.label ?? shared.job.model, allowDownload: shared.link.allowDownload };
});
