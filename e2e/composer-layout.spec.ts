/** The composer stays usable on any screen: Generate always in view, a failed submit leads to what needs fixing. */
import { expect, test } from "./pw/fixtures";
import { seedJobWithFiles } from "./pw/seed";

for (const size of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test(`Generate is within the screen at ${size.width}×${size.height} with the tips open, before and after scrolling`, async ({ page, composer }) => {
    await page.setViewportSize(size);
    await expect(composer.form.getByRole("complementary", { name: "Writing tips" })).toBeVisible();
    const inView = async () => {
      const box = await composer.generateButton.boundingBox();
      expect(box, "Generate is rendered").not.toBeNull();
      expect(box!.y, "Generate's top is on screen").toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, "Generate's bottom is on screen").toBeLessThanOrEqual(size.height);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      expect(box!.height, "a 44 px target").toBeGreaterThanOrEqual(44);
    };
    await inView();
    // Down at the foot of the page (a phone scrolls the whole page; a desktop the feed beside the composer).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await inView();
  });
}

test("a failed Generate moves focus to the first invalid field and keeps everything typed", async ({ page, composer }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await composer.fill({ model: "local:preview", duration: "3", resolution: "480p", prompt: "" });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await composer.generateButton.click();
  await expect(composer.fieldError(composer.prompt)).toBeVisible();
  await expect(composer.prompt).toBeFocused();
  await expect(composer.prompt).toBeInViewport();
  await expect(composer.duration).toHaveValue("3");
  await expect(composer.resolution).toHaveValue("480p");
});

test("without a prompt assistant configured there is no Enhance button", async ({ composer }) => {
  await expect(composer.prompt).toBeVisible();
  await expect(composer.form.getByRole("button", { name: /Enhance/ })).toHaveCount(0);
});

test("recent prompts are searchable and fill the prompt; a take's prompt alone starts a fresh take", async ({ page, composer, account, app }) => {
  const old = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A zeppelin over a harbour at dawn, slow pan right", seed: 77 });
  await seedJobWithFiles(app.dataDir, account.id, { prompt: "A glass teapot on a windowsill, static shot" });
  await composer.open();
  await composer.form.getByRole("button", { name: "Recent prompts" }).click();
  const history = composer.form.getByRole("region", { name: "Recent prompts" });
  await history.getByLabel("Search your prompts").fill("zeppelin");
  await expect(history.getByRole("button")).toHaveText([old.prompt]);
  await history.getByRole("button", { name: old.prompt }).click();
  await expect(composer.prompt).toHaveValue(old.prompt);
  await expect(composer.prompt).toBeFocused();

  await page.goto(`/?remix=${old.id}&use=prompt`);
  await expect(composer.prompt).toHaveValue(old.prompt);
  await expect(composer.parentId, "only the prompt, not a remix").toHaveCount(0);
});
