/**
 * The five gateways Dailies was designed for, through the browser: for Skytells, ModelsLab, AI.ML,
 * Visgate and the allowedParams gateway, pick one of its models in the composer, Generate, follow
 * the job to its end and play the video — against their loopback fakes (e2e/fakes/), with
 * PUBLIC_URL set to the server's own address so Skytells' and ModelsLab's webhooks reach it and
 * AI.ML can fetch an input image by URL. And with no keys at all, the composer lists the five,
 * disabled, each saying which setting turns it on.
 */
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { isImageFetched } from "./fakes/kit/input-image";
import { getJob } from "./pw/api";
import { Composer } from "./pw/composer";
import { cardIds, cardLink, jobCard, newCardId } from "./pw/gallery";
import { NO_GATEWAY_KEYS, startGatewayFakes, type GatewayFakes } from "./pw/gateway-fakes";
import { expectVideoPlays } from "./pw/player";
import { makeStillPng } from "./pw/sample-media";
import { startStudio, StudioSlot, studioTest } from "./pw/studio";

const configured = new StudioSlot();
const test = studioTest(configured);
let fakes: GatewayFakes;

const TERMINAL = ["succeeded", "failed", "canceled"];

/**
 * Follows the job's card to a terminal status; returns that status and the progress values the
 * card showed on the way. Nothing is asserted about which in-between values it happened to see.
 */
async function followCard(card: Locator): Promise<{ status: string; progress: number[] }> {
  const progress: number[] = [];
  let status = "";
  await expect
    .poll(
      async () => {
        const [bar] = await card.getByRole("progressbar").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("aria-valuenow"))));
        if (bar !== undefined && bar !== progress.at(-1)) progress.push(bar);
        status = (await card.getAttribute("data-status")) ?? "";
        return TERMINAL.includes(status);
      },
      { message: "the job's card should reach a final status", timeout: 90_000, intervals: [100, 200] },
    )
    .toBe(true);
  return { status, progress };
}

/** Generates from the composer as it is filled now; follows the job to its end and checks what the studio recorded. Returns the job id. */
async function generateAndFinish(page: Page, composer: Composer, model: string, provider: string): Promise<string> {
  const before = await cardIds(page);
  await composer.generateButton.click();
  const id = await newCardId(page, before);
  const card = jobCard(page, id);
  const { status, progress } = await followCard(card);
  const job = await getJob(page.request, id);
  expect(status, `the job ended ${status}: ${job.error?.message ?? "no error recorded"}`).toBe("succeeded");
  expect(progress, "progress never goes backwards").toEqual([...progress].sort((a, b) => a - b));
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  // The recorded history of the job: sent to the provider, then finished, with the whole bar done.
  expect(job).toMatchObject({ model, provider, status: "succeeded", progress: 1, error: null });
  expect(job.submittedAt, "the job was sent to the provider").not.toBeNull();
  expect(Date.parse(job.completedAt!)).toBeGreaterThanOrEqual(Date.parse(job.submittedAt!));
  expect(job.video?.bytes ?? 0, "a stored video").toBeGreaterThan(0);
  return id;
}

/**
 * The composer, once it offers `model` enabled. A model that comes only from its provider's own
 * list (the gateway's) is there once the studio's first catalog refresh has stored that list, so
 * the page is loaded again until then.
 */
async function openOffering(page: Page, model: string): Promise<Composer> {
  const composer = new Composer(page);
  await expect(async () => {
    await page.goto("/");
    await expect(composer.model.locator(`option[value="${model}"]`), `${model} is offered and enabled`).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
  return composer;
}

async function playOnJobPage(page: Page, id: string): Promise<void> {
  await cardLink(jobCard(page, id), id).click();
  await page.waitForURL((url) => url.pathname === `/jobs/${id}`);
  await expectVideoPlays(page.getByTestId("player"));
}

const only = <T>(items: T[], what: string): T => {
  expect(items, `exactly one ${what}`).toHaveLength(1);
  return items[0]!;
};

interface GatewayCase {
  provider: string;
  model: string;
  /** After the job succeeded: what the fake recorded of the one job with this prompt tag. */
  checkFake(tag: string): void;
}

const CASES: GatewayCase[] = [
  {
    provider: "skytells",
    model: "skytells:truefusion-video",
    checkFake(tag) {
      const sub = only(fakes.skytells.submissions.filter((s) => String((s.body.input as { prompt?: string }).prompt).includes(tag)), "Skytells prediction");
      expect(sub.body.model).toBe("truefusion-video");
      // Its signed webhooks came to PUBLIC_URL and were accepted.
      const hooks = fakes.skytells.deliveries.filter((d) => d.body.includes(sub.id));
      expect(hooks.length, "Skytells sent webhooks for the prediction").toBeGreaterThan(0);
      for (const d of hooks) expect(d.status, `webhook to ${d.url}`).toBe(200);
      expect(hooks[0]!.url.startsWith(configured.get().url)).toBe(true);
      expect(fakes.skytells.downloads(`/cdn/${sub.id}.mp4`), "the output was copied once").toBe(1);
    },
  },
  {
    provider: "modelslab",
    model: "modelslab:veo-3.1-fast",
    checkFake(tag) {
      const sub = only(fakes.modelslab.submissions.filter((s) => String(s.body.prompt).includes(tag)), "ModelsLab request");
      expect(sub.body.model_id).toBe("veo-3.1-fast");
      // Unsigned callbacks are confirmed with ModelsLab's own fetch before a success counts.
      expect(fakes.modelslab.fetches.get(String(sub.id)) ?? 0).toBeGreaterThan(0);
      for (const d of fakes.modelslab.webhookDeliveries.filter((w) => w.jobId === sub.id)) expect(d.status, `webhook to ${d.url}`).toBe(200);
      expect(fakes.modelslab.downloads(sub.id), "the output was copied once").toBe(1);
    },
  },
  {
    provider: "aiml",
    model: "aiml:video-gen.pro-1.0",
    checkFake(tag) {
      const sub = only(fakes.aiml.submissions.filter((s) => s.text.includes(tag)), "AI.ML task");
      // The two-step output: resolved with the key, downloaded from the presigned link without it.
      expect(fakes.aiml.resolves.filter((r) => r.uuid === sub.uuid).length).toBeGreaterThan(0);
      const gets = fakes.aiml.presignedGets.filter((g) => g.uuid === sub.uuid);
      expect(gets.map((g) => g.authorization)).not.toContain(true);
      expect(fakes.aiml.downloads(sub.uuid), "the output was copied once").toBe(1);
    },
  },
  {
    provider: "visgate",
    model: "visgate:fal-ai/veo3",
    checkFake(tag) {
      const sub = only(fakes.visgate.submissions.filter((s) => String(s.body.prompt).includes(tag)), "Visgate request");
      expect(sub.prefer ?? "").toMatch(/respond-async/i);
      expect(fakes.visgate.downloads(sub.requestId), "the output was copied once").toBe(1);
    },
  },
  {
    provider: "gateway",
    model: "gateway:veo-3-1-fast",
    checkFake(tag) {
      const sub = only(fakes.gateway.submissions.filter((s) => String(s.body.prompt).includes(tag)), "gateway job");
      expect(sub.body.model).toBe("veo-3-1-fast");
      expect(fakes.gateway.requests.filter((r) => r.method === "GET" && r.path === `/v1/videos/${sub.jobId}`).length, "the job was polled").toBeGreaterThan(0);
      expect(fakes.gateway.downloads(sub.jobId), "the output was copied once").toBe(1);
    },
  },
];

const newTag = () => `take-${randomBytes(4).toString("hex")}`;

test.describe("with every gateway configured against its fake", () => {
  test.beforeAll(async ({ browser }) => {
    // Long enough that a job visibly runs for a while; short enough for a quick spec.
    fakes = await startGatewayFakes({ queuedMs: 300, runningMs: 2_500 });
    try {
      configured.current = await startStudio(browser, fakes.env);
    } catch (err) {
      await fakes.close();
      throw err;
    }
  });

  test.afterAll(async () => {
    await configured.current?.stop();
    configured.current = null;
    await fakes?.close();
  });

  for (const c of CASES) {
    test(`${c.provider}: a model picked in the composer generates and plays`, async ({ page }) => {
      const tag = newTag();
      const composer = await openOffering(page, c.model);
      await composer.fill({ model: c.model, prompt: `A paper boat drifting across a pond at dawn, slow dolly in (${tag})` });
      const id = await generateAndFinish(page, composer, c.model, c.provider);
      c.checkFake(tag);
      await playOnJobPage(page, id);
    });
  }

  test("aiml: image to video with the image fetched by URL from PUBLIC_URL", async ({ page, studio }) => {
    const tag = newTag();
    const model = "aiml:video-gen.pro-1.0";
    const composer = await openOffering(page, model);
    await composer.fill({ model, prompt: `The lighthouse beam sweeps across the fog (${tag})` });
    await composer.image.setInputFiles({ name: "still.png", mimeType: "image/png", buffer: await makeStillPng(640, 360) });
    await expect(composer.removeImage).toBeVisible();
    const id = await generateAndFinish(page, composer, model, "aiml");

    const sub = only(fakes.aiml.submissions.filter((s) => s.text.includes(tag)), "AI.ML task");
    expect(sub.imageUrl, "a signed link under PUBLIC_URL").toMatch(new RegExp(`^${studio.url.replace(/[.:/]/g, "\\$&")}/`));
    expect(sub.image && isImageFetched(sub.image), `AI.ML fetched the image (${JSON.stringify(sub.image)})`).toBe(true);
    // The link is for the job's lifetime only.
    expect((await fetch(sub.imageUrl!, { signal: AbortSignal.timeout(10_000) })).status, "the image link is closed once the job has finished").toBe(404);
    expect((await getJob(page.request, id)).imageUrl).toMatch(/^\/media\/uploads\//);
    await playOnJobPage(page, id);
  });
});

const bare = new StudioSlot();
const bareTest = studioTest(bare);

bareTest.describe("with no gateway keys", () => {
  bareTest.beforeAll(async ({ browser }) => {
    bare.current = await startStudio(browser, NO_GATEWAY_KEYS);
  });
  bareTest.afterAll(async () => {
    await bare.current?.stop();
    bare.current = null;
  });

  const HINTS: Array<[label: string, hint: string]> = [
    ["Skytells", "Add SKYTELLS_API_KEY to enable Skytells models."],
    ["ModelsLab", "Add MODELSLAB_API_KEY to enable ModelsLab models."],
    ["AI.ML", "Add AIML_API_KEY to enable AI.ML models."],
    ["Visgate", "Add VISGATE_API_KEY to enable Visgate models."],
    ["Video gateway (allowedParams)", "Add GATEWAY_API_KEY and GATEWAY_BASE_URL to enable Video gateway (allowedParams) models."],
  ];

  bareTest("the composer lists the five, each disabled with the setting that enables it", async ({ page }) => {
    const composer = await new Composer(page).open();
    const notSetUp = composer.form.getByRole("list", { name: "Providers not set up" });
    for (const [label, hint] of HINTS) {
      await expect(notSetUp.getByRole("listitem").filter({ hasText: `${label}: ${hint}` }), label).toHaveCount(1);
      const group = composer.model.locator(`optgroup[label="${label} (not set up: ${hint})"]`);
      await expect(group, `${label}'s models are grouped under its hint`).toHaveCount(1);
      const states = await group.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).disabled));
      expect(states, `every ${label} model is disabled`).not.toContain(false);
    }
  });
});
