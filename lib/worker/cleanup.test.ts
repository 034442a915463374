/** Cleanup sweeps the local renderer's folders no job needs: real SQLite, real renders on disk. */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { seedJob, tempDataDir, tempDb } from "../../e2e/support/test-db";
import { resetEnvCache } from "../env";
import { localModels } from "../providers/local/models";
import { localProvider } from "../providers/local/adapter";
import { stopRender } from "../providers/local/render-queue";
import type { ProviderJob } from "../providers/types";
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
  it("removes the render folders of failed, canceled and deleted jobs, and keeps those still needed", async () => {
    const db = await tempDb();
    const png = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#336699" } }).png().toBuffer();
    const render = async (status: "running" | "failed" | "canceled" | "queued" | null) => {
      const id = `job-${status ?? "deleted"}`;
      // With the person's image in it, as a failed render leaves it.
      const submitted = await localProvider.submit(providerJob(id), { webhookUrl: null, image: { bytes: png, mime: "image/png" } });
      await stopRender(submitted.providerJobId, "lost");
      // A job still being sent has no provider id yet; a deleted one has no row at all.
      if (status === "queued") await seedJob(db, { id, status, submitStartedAt: Date.now() });
      else if (status) await seedJob(db, { id, status, providerJobId: submitted.providerJobId });
      return path.join(dataDir, "renders", submitted.providerJobId);
    };
    const running = await render("running");
    const sending = await render("queued");
    const failed = await render("failed");
    const canceled = await render("canceled");
    const deleted = await render(null);
    expect((await fsp.readdir(failed)).length).toBeGreaterThan(0);

    await cleanup(db);
    expect([running, sending, failed, canceled, deleted].map((d) => fs.existsSync(d))).toEqual([true, true, false, false, false]);
  });
});
