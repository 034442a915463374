/**
 * Compare across models: one prompt, three models (the local preview and two gateways against
 * their loopback fakes), one Generate -> one generation of three takes, shown in one row, each
 * labelled with its model, provider, price and the time it took.
 */
import { expect } from "@playwright/test";
import { getJob } from "./pw/api";
import { Composer } from "./pw/composer";
import { watchCard } from "./pw/gallery";
import { startGatewayFakes, type GatewayFakes } from "./pw/gateway-fakes";
import { startStudio, StudioSlot, studioTest } from "./pw/studio";
import { generationRows } from "./pw/viewer";

const slot = new StudioSlot();
const test = studioTest(slot);
let fakes: GatewayFakes;

const MODELS = [
  { id: "local:preview", provider: "local", providerLabel: "Local" },
  { id: "skytells:truefusion-video", provider: "skytells", providerLabel: "Skytells" },
  { id: "visgate:fal-ai/veo3", provider: "visgate", providerLabel: "Visgate" },
];

test.beforeAll(async ({ browser }) => {
  fakes = await startGatewayFakes({ queuedMs: 200, runningMs: 1_000 });
  try {
    slot.current = await startStudio(browser, fakes.env);
  } catch (err) {
    await fakes.close();
    throw err;
  }
});
test.afterAll(async () => {
  await slot.current?.stop();
  slot.current = null;
  await fakes?.close();
});

test("compare three models: one row of three labelled takes from one prompt", async ({ page }) => {
  const composer = await new Composer(page).open();
  await composer.fill({ model: "local:preview", prompt: "A paper boat drifting across a pond at dawn, slow dolly in", duration: "5" });
  const picker = composer.form.getByRole("group", { name: "Models to compare" });
  await composer.form.getByText("Compare models").click();
  for (const m of MODELS) await picker.getByRole("checkbox").and(picker.locator(`[value="${m.id}"]`)).check();
  await composer.generateButton.click();

  const row = generationRows(page).first();
  await expect(row.getByTestId("job-card")).toHaveCount(3);
  const ids = await row.getByTestId("job-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-job-id")!));
  for (const id of ids) await watchCard(row.locator(`[data-job-id="${id}"]`), "succeeded");

  const jobs = await Promise.all(ids.map((id) => getJob(page.request, id)));
  expect(new Set(jobs.map((j) => j.generationId)).size, "one generation").toBe(1);
  expect(jobs.map((j) => j.model).sort()).toEqual(MODELS.map((m) => m.id).sort());
  expect(new Set(jobs.map((j) => j.prompt)).size, "one prompt").toBe(1);

  const labels = row.getByTestId("take-label");
  await expect(labels).toHaveCount(3);
  for (const [i, job] of jobs.entries()) {
    const m = MODELS.find((x) => x.id === job.model)!;
    const label = labels.nth(i);
    await expect(label).toContainText(job.modelLabel);
    await expect(label).toContainText(m.providerLabel);
    await expect(label).toContainText(/took \d/);
    await expect(label).toContainText(m.provider === "local" ? "Free" : /\$\d|price not published/);
  }
});
