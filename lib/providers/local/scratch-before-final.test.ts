/**
 * A local render that says it ended has left nothing on this disk: its scratch folder is removed
 * before the final state is written, so a poll that reads "succeeded" or "canceled" never finds the
 * folder still there. A slow disk is played by holding back the removal of the render's folders
 * (before the fix, the final state was written first and a poll in that gap found the folder).
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { localRenderDataDir, localRenderJob } from "../../../e2e/support/local-render-job";
import type { ProviderJobRef, ProviderUpdate } from "../types";
import { localProvider } from "./adapter";

let dataDir: string;
const realRm = fsp.rm;

beforeAll(async () => {
  dataDir = await localRenderDataDir("dailies-local-scratch-");
  const renders = path.join(dataDir, "renders") + path.sep;
  (fsp as { rm: unknown }).rm = async (target: fs.PathLike, options?: fs.RmOptions) => {
    if (String(target).startsWith(renders)) await new Promise((resolve) => setTimeout(resolve, 400));
    return realRm(target, options);
  };
});
afterAll(async () => {
  (fsp as { rm: unknown }).rm = realRm;
  await realRm(dataDir, { recursive: true, force: true });
});

const job = localRenderJob;

const renderDir = (ref: ProviderJobRef) => path.join(dataDir, "renders", ref.providerJobId);

/** Polls until the render ends and returns the first final answer, with whether its folder was there when that answer was read. */
async function firstFinal(ref: ProviderJobRef): Promise<{ update: ProviderUpdate; folderLeft: boolean }> {
  let seen: { update: ProviderUpdate; folderLeft: boolean } | null = null;
  await vi.waitFor(
    async () => {
      const update = await localProvider.poll(ref);
      if (update.status !== "succeeded" && update.status !== "failed" && update.status !== "canceled") throw new Error(`still ${update.status}`);
      seen = { update, folderLeft: fs.existsSync(renderDir(ref)) };
    },
    { timeout: 45_000, interval: 20 },
  );
  return seen!;
}

it("a succeeded render's scratch folder is gone when it first reads succeeded", async () => {
  const ref = await localProvider.submit(job(), { webhookUrl: null, image: null });
  const { update, folderLeft } = await firstFinal(ref);
  expect(update.status).toBe("succeeded");
  expect(folderLeft).toBe(false);
  await localProvider.release!(ref);
});

it("a render canceled while it runs has no scratch folder when it first reads canceled", async () => {
  const ref = await localProvider.submit({ ...job(), durationSeconds: 8 }, { webhookUrl: null, image: null });
  await vi.waitFor(async () => {
    if ((await localProvider.poll(ref)).status !== "running") throw new Error("not running yet");
  }, { timeout: 30_000, interval: 20 });
  await localProvider.cancel!(ref);
  const { update, folderLeft } = await firstFinal(ref);
  expect(update.status).toBe("canceled");
  expect(folderLeft).toBe(false);
  await localProvider.release!(ref);
});
