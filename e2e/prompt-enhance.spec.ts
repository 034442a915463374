/** "Enhance prompt" against a loopback fake of the OpenAI chat-completions API: a diff to use or discard. */
import { startLlmFake, fakeRewrite, FAKE_LLM_ADDITION, type LlmFake } from "./fakes/llm";
import { Composer } from "./pw/composer";
import { startStudio, StudioSlot, studioTest } from "./pw/studio";

const slot = new StudioSlot();
const test = studioTest(slot);
const { expect } = test;
let llm: LlmFake;

test.beforeAll(async ({ browser }) => {
  llm = await startLlmFake({ apiKey: "sk-fake" });
  slot.current = await startStudio(browser, { LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: "sk-fake", LLM_MODEL: "fake-llama" });
});
test.afterAll(async () => {
  await slot.current?.stop();
  await llm?.close();
});

test("Enhance suggests a rewrite as a diff; Use takes it, Discard leaves the prompt alone", async ({ page }) => {
  await page.goto("/");
  const composer = await new Composer(page).open();
  const idea = "a paper boat on a pond";
  await composer.prompt.fill(idea);

  await composer.form.getByRole("button", { name: "Enhance prompt" }).click();
  const suggestion = composer.form.getByRole("region", { name: "Suggested prompt" });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.locator("ins")).toContainText(FAKE_LLM_ADDITION);
  await expect(composer.prompt, "nothing changes before the person says so").toHaveValue(idea);
  expect(llm.requests.at(-1)).toMatchObject({ model: "fake-llama", authorization: "Bearer sk-fake" });
  expect(llm.requests.at(-1)?.messages.at(-1)).toEqual({ role: "user", content: idea });

  await suggestion.getByRole("button", { name: "Discard" }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(composer.prompt).toHaveValue(idea);

  await composer.form.getByRole("button", { name: "Enhance prompt" }).click();
  await suggestion.getByRole("button", { name: "Use suggestion" }).click();
  await expect(composer.prompt).toHaveValue(fakeRewrite(idea));
  await expect(composer.prompt).toBeFocused();
});

test("a failing assistant says so and keeps the prompt", async ({ page }) => {
  await page.goto("/");
  const composer = await new Composer(page).open();
  await composer.prompt.fill("a lighthouse at dusk");
  llm.failWith(500);
  try {
    await composer.form.getByRole("button", { name: "Enhance prompt" }).click();
    await expect(composer.form.getByRole("alert").filter({ hasText: "HTTP 500" })).toBeVisible();
  } finally {
    llm.failWith(null);
  }
  await expect(composer.prompt).toHaveValue("a lighthouse at dusk");
});
