/**
 * One model, two providers, through the browser: with Replicate and fal both configured against
 * their loopback fakes, picking "Veo 3.1" shows both routes with their prices in the route control;
 * a generate at Replicate (429 for ever) is made by fal and the card says so; the Usage page shows
 * what it cost; and once the owner's per-person cap is below that, the next generate is refused
 * with the budget sentence and nothing is created.
 */
import { expect } from "@playwright/test";
import { startFalFake, type FalFake } from "./fakes/fal";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { getJob, listJobs } from "./pw/api";
import { Composer } from "./pw/composer";
import { cardIds, jobCard, newCardId, watchCard } from "./pw/gallery";
import { NO_GATEWAY_KEYS } from "./pw/gateway-fakes";
import { startStudio, StudioSlot, studioTest } from "./pw/studio";

const slot = new StudioSlot();
const test = studioTest(slot);
let replicate: ReplicateFake;
let fal: FalFake;

const VEO_AT_REPLICATE = "replicate:google/veo-3.1";
const usd = (n: number) => `$${n.toFixed(2)}`;

test.describe.configure({ mode: "serial" });

test.describe("routes, fallback and budgets", () => {
  test.beforeAll(async ({ browser }) => {
    replicate = await startReplicateFake({ timings: { startingMs: 200, processingMs: 1000 } });
    fal = await startFalFake({ timings: { queuedMs: 300, runningMs: 1500 } });
    slot.current = await startStudio(browser, { ...NO_GATEWAY_KEYS, REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl, ...fal.env });
  });
  test.afterAll(async () => {
    await slot.current?.stop();
    slot.current = null;
    await fal?.close();
    await replicate?.close();
  });

  test("Veo 3.1 shows both routes with prices, and a rate-limited first route is made by the second", async ({ page }) => {
    const composer = await new Composer(page).open();
    await composer.fill({ model: VEO_AT_REPLICATE, duration: "8" });
    const routes = composer.form.getByRole("group", { name: "Made by" });
    await expect(routes).toBeVisible();
    for (const provider of ["Replicate", "fal"]) await expect(routes.getByRole("radio", { name: new RegExp(`^${provider}\\b`) })).toBeVisible();
    // Each route with its price for these settings (Veo 3.1 at $0.40/s at both, 8 s).
    await expect(routes.locator("label", { hasText: /^Replicate/ })).toContainText("$3.20");
    await expect(routes.locator("label", { hasText: /^fal/ })).toContainText("$3.20");
    await routes.getByRole("radio", { name: /^Replicate\b/ }).check();

    const prompt = "A lighthouse beam sweeping through fog, slow push in [fake@replicate:ratelimit=1000]";
    await composer.fill({ prompt });
    const before = await cardIds(page);
    await composer.generateButton.click();
    const id = await newCardId(page, before);
    const card = jobCard(page, id);
    await watchCard(card, "succeeded");
    await expect(card.getByTestId("route-story")).toHaveText("Replicate was rate limited → made by fal");

    const job = await getJob(page.request, id);
    expect(job).toMatchObject({ status: "succeeded", provider: "fal" });
    expect(replicate.attempts.filter((s) => s.input.prompt === prompt).map((s) => s.answeredStatus)).toEqual([429]);
    expect(fal.submissions.filter((s) => s.input.prompt === prompt)).toHaveLength(1);
  });

  test("the Usage page shows the spend", async ({ page }) => {
    const res = await page.request.get("/api/usage");
    expect(res.status()).toBe(200);
    const usage = (await res.json()) as { you: { spentUsd: number } };
    // The actual: the stored video's real length (the fake's clip is shorter than asked) × fal's $0.40/s.
    const [made] = await listJobs(page.request);
    expect(made?.video?.durationSeconds ?? 0).toBeGreaterThan(0);
    expect(usage.you.spentUsd).toBeCloseTo(0.4 * made!.video!.durationSeconds!, 2);
    await page.goto("/usage");
    await expect(page.getByTestId("your-spend")).toContainText(usd(usage.you.spentUsd));
  });

  test("over budget: the refusal sentence, and nothing is created", async ({ page }) => {
    await page.goto("/settings");
    const cap = page.getByLabel("Monthly cap for each person (USD)");
    await cap.fill("1");
    await cap.locator("xpath=ancestor::form[1]").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Cap saved.")).toBeVisible();

    const jobsBefore = (await listJobs(page.request)).length;
    const spent = ((await (await page.request.get("/api/usage")).json()) as { you: { spentUsd: number } }).you.spentUsd;
    const composer = await new Composer(page).open();
    await composer.fill({ model: VEO_AT_REPLICATE, duration: "8", prompt: "A kite over dunes at noon, wide shot" });
    const before = await cardIds(page);
    await composer.generateButton.click();
    const month = new Date().toLocaleString("en", { month: "long", timeZone: "UTC" });
    await expect(composer.fieldError(composer.model)).toHaveText(`This video would cost about $3.20 and your budget for ${month} has ${usd(Math.max(0, 1 - spent))} left; the owner can raise it in Settings.`);
    expect(await cardIds(page)).toEqual(before);
    expect(await listJobs(page.request)).toHaveLength(jobsBefore);
    expect(replicate.attempts.filter((s) => s.input.prompt === "A kite over dunes at noon, wide shot")).toHaveLength(0);
  });
});
