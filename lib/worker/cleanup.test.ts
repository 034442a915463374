/** Cleanup sweeps what local renders no job needs: real SQLite, real renders, their records and stored inputs. */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { seedJob, tempDataDir } from "../../e2e/support/test-db";
import { db as appDb } from "../db/client";
import { getLocalRender } from "../db/queries/local-renders";
import { resetEnvCache } from "../env";
import { localModels } from "../providers/local/models";
import { localProvider } from "../providers/local/adapter";
import { stopRender } from "../providers/local/render-queue";
import type { ProviderJob } from "../providers/types";
import { storage } from "../storage";
import { keys } from "../storage/keys";
import { cleanup } from "./cleanup";

let dataDir: string;
beforeAll(() => {
  dataDir = tempDataDir();
  process.env.DATA_DIR = dataDir;
  process.env.INTERNAL_URL = "http://127.0.0.1:9";
  process.env.APP_SECRET = "test-secret-that-is-at-least-32-characters-long";
  resetEnvCache();
});

const providerJob = (id: string): ProviderJob => ({
  id,
  model: localModels[0]!,
  prompt: "a lighthouse at dusk",
  negativePrompt: null,
  aspectRatio: "16:9",
  durationSeconds: 2,
  resolution: "480p",
  fps: 24,
  seed: 1,
  deadlineAt: Date.now() + 3_600_000,
});

describe("cleanup", () => {
  it("removes the renders of failed, canceled and deleted jobs (record, stored input, folder), and keeps those still needed", async () => {
    const db = await appDb();
    const png = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#336699" } }).png().toBuffer();
    const render = async (status: "running" | "failed" | "canceled" | "queued" | null) => {
      const id = `job-${status ?? "deleted"}`;
      // With the person's image, as a failed render leaves it.
      const submitted = await localProvider.submit(providerJob(id), { webhookUrl: null, image: { bytes: png, mime: "image/png" } });
      await stopRender(submitted.providerJobId, "lost");
      // A job still being sent has no provider id yet; a deleted one has no row at all.
      if (status === "queued") await seedJob(db, { id, status, submitStartedAt: Date.now() });
      else if (status) await seedJob(db, { id, status, providerJobId: submitted.providerJobId });
      return submitted.providerJobId;
    };
    const ids = [await render("running"), await render("queued"), await render("failed"), await render("canceled"), await render(null)];
    expect(await storage().stat(keys.renderInput(ids[2]!, "png"))).not.toBeNull();
    // A folder a crash left behind: no unfinished record names it, and it is old.
    const stray = path.join(dataDir, "renders", "lr_SSSSSSSSSSSSSSSSSSSSSS");
    fs.mkdirSync(path.join(stray, "1"), { recursive: true });
    const longAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stray, longAgo, longAgo);

    await cleanup(db);
    const kept = await Promise.all(ids.map(async (id) => (await getLocalRender(db, id)) !== undefined));
    expect(kept).toEqual([true, true, false, false, false]);
    const inputs = await Promise.all(ids.map(async (id) => (await storage().stat(keys.renderInput(id, "png"))) !== null));
    expect(inputs).toEqual([true, true, false, false, false]);
    expect(fs.existsSync(stray)).toBe(false);
  });
});
