/**
 * The composer offers what the provider lists: the allowedParams gateway's fake lists durations
 * [4, 6] and a `camerafixed` switch for one model, so the composer offers exactly 4 s and 6 s and
 * a labelled checkbox (only for that model); the checked option reaches the gateway and a remix
 * keeps it.
 */
import fs from "node:fs";
import { startGatewayFake, type GatewayFake } from "./fakes/gateway";
import { getJob } from "./pw/api";
import { expect, test as base } from "./pw/fixtures";
import { jobCard, newCardId, cardIds, watchCard } from "./pw/gallery";
import { api } from "./support/api";
import { waitFor, type App } from "./support/app-server";
import { startDeploymentApp } from "./support/deployment";

const test = base.extend<object, { gateway: GatewayFake }>({
  gateway: [
    async ({}, provide) => {
      const fake = await startGatewayFake({
        models: [
          { id: "clip-1", modality: "video", allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9", "9:16"], duration_seconds: [4, 6], camerafixed: [true, false] } },
        ],
        timings: { queuedMs: 100, runningMs: 400 },
      });
      try {
        await provide(fake);
      } finally {
        await fake.close();
      }
    },
    { scope: "worker" },
  ],
  // The suite's server, pointed at the gateway's fake, once its list has been read.
  app: [
    async ({ gateway }, provide) => {
      const app: App = await startDeploymentApp({ publicUrl: true, env: { ALLOW_SIGNUP: "true", ...gateway.env } });
      try {
        const listed = async () => ((await (await api(app, "/api/models")).json()) as { models: Array<{ id: string }> }).models.some((m) => m.id === "gateway:clip-1");
        await waitFor(listed, 30_000, () => `the gateway's models never appeared:\n${app.output()}`);
        await provide(app);
      } finally {
        await app.stop();
        fs.rmSync(app.dataDir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

test("the composer offers exactly the listed durations and the model's own option", async ({ page, composer, gateway }) => {
  await composer.fill({ model: "gateway:clip-1" });
  await expect(composer.duration.locator("option")).toHaveText(["4 s", "6 s"]);
  const camera = composer.form.getByRole("checkbox", { name: "Camerafixed" });
  await expect(camera).not.toBeChecked();
  await expect(composer.form.getByText("Default: off.")).toBeVisible();

  // Only models that have options show them.
  await composer.fill({ model: "local:preview" });
  await expect(camera).toHaveCount(0);

  await composer.fill({ model: "gateway:clip-1", duration: "6", prompt: "A paper boat on a puddle, the camera holds still" });
  await camera.check();
  const before = await cardIds(page);
  await composer.generateButton.click();
  const id = await newCardId(page, before);
  await watchCard(jobCard(page, id), "succeeded");

  expect((await getJob(page.request, id)).options).toEqual({ camerafixed: true });
  expect(gateway.submissions.find((s) => s.body.prompt === "A paper boat on a puddle, the camera holds still")?.body).toMatchObject({
    model: "clip-1",
    duration_seconds: 6,
    camerafixed: true,
  });

  // A remix starts from the same option.
  await page.goto(`/?remix=${id}`);
  await expect(composer.model).toHaveValue("gateway:clip-1");
  await expect(composer.form.getByRole("checkbox", { name: "Camerafixed" })).toBeChecked();
  await expect(composer.duration).toHaveValue("6");
});
