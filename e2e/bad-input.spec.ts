/**
 * Bad input in the composer: a clear message where the problem is, nothing created, nothing typed
 * lost, and focus on the field to fix. (e2e/bad-input.test.ts covers the same cases at the JSON API.)
 */
import type { Page } from "@playwright/test";
import { listJobs } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { jobCards } from "./pw/gallery";
import { makeLargePng } from "./pw/sample-media";

const PROMPT = "A glass teapot in the rain, static shot, watercolor";

async function expectNothingCreated(page: Page): Promise<void> {
  expect(await listJobs(page.request)).toEqual([]);
  await expect(jobCards(page)).toHaveCount(0);
}

test("an empty prompt is refused with a message at the prompt", async ({ page, composer }) => {
  await composer.fill({ model: "local:preview", duration: "3", resolution: "480p", prompt: "" });
  await composer.generateButton.click();
  await expect(composer.fieldError(composer.prompt)).toContainText(/prompt/i);
  await expect(composer.prompt, "the refused submit takes focus to what needs fixing").toBeFocused();
  await expectNothingCreated(page);
  await expect(composer.duration).toHaveValue("3");
  await expect(composer.resolution).toHaveValue("480p");
});

test("a duration the model does not allow, sent by a tampered form, is refused at Duration", async ({ page, composer }) => {
  await composer.fill({ model: "local:preview", resolution: "480p", prompt: PROMPT });
  // What a person editing the page's HTML could send: an option the model does not offer.
  await composer.duration.evaluate((select: HTMLSelectElement) => select.add(new Option("7 s", "7")));
  await composer.duration.selectOption("7");
  await composer.generateButton.click();
  // The allowed durations of the local preview, named in the message.
  await expect(composer.fieldError(composer.duration)).toContainText(/2\D+3\D+4\D+5\D+6\D+8\D+10/);
  await expect(composer.duration, "the refused submit takes focus to Duration").toBeFocused();
  await expectNothingCreated(page);
  await expect(composer.prompt).toHaveValue(PROMPT);
});

test("a 15 MB image is refused in the browser, before any upload", async ({ page, composer }, testInfo) => {
  await composer.fill({ model: "local:preview", duration: "2", resolution: "480p", prompt: PROMPT });
  const big = testInfo.outputPath("big.png");
  await makeLargePng(big, 15 * 1024 * 1024);

  // Every POST the page sends, with its body size.
  const posts: { url: string; bytes: number }[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST") posts.push({ url: req.url(), bytes: req.postDataBuffer()?.length ?? 0 });
  });
  await composer.image.setInputFiles(big);
  await expect(composer.fieldError(composer.image)).toContainText(/10 MB|too (large|big)|larger/i);
  expect(posts, "choosing the image sent nothing").toEqual([]);
  await expectNothingCreated(page);
  await expect(composer.prompt).toHaveValue(PROMPT);

  // Generate anyway: the form no longer holds the image, so what it sends is the text request alone.
  const [generated] = await Promise.all([page.waitForResponse((res) => res.request().method() === "POST"), composer.generateButton.click()]);
  expect(generated.ok()).toBe(true);
  expect(posts.length, "Generate sent the form").toBeGreaterThan(0);
  for (const post of posts) expect(post.bytes, `POST ${post.url} is not the 15 MB image`).toBeLessThan(10 * 1024 * 1024);
  const made = await listJobs(page.request);
  expect(made, "one text-only job: the refused image never reached the server").toMatchObject([{ prompt: PROMPT, imageUrl: null }]);
  // Not needed further: spare the worker the render.
  await page.request.post(`/api/jobs/${made[0]!.id}/cancel`);
});

test("a text file renamed .png is refused with a message at Image", async ({ page, composer }) => {
  await composer.fill({ model: "local:preview", duration: "2", resolution: "480p", prompt: PROMPT });
  await composer.image.setInputFiles({ name: "holiday.png", mimeType: "image/png", buffer: Buffer.from("Not an image at all, just some notes.\n".repeat(40)) });

  // The browser may catch it by its first bytes; if it lets it through, the server must refuse it.
  const imageError = composer.fieldError(composer.image);
  await expect(composer.removeImage.or(imageError).first()).toBeVisible();
  if (!(await imageError.isVisible())) await composer.generateButton.click();
  await expect(imageError).toContainText(/PNG|JPEG|WebP|not an image|could not be read/i);
  await expectNothingCreated(page);
  await expect(composer.prompt).toHaveValue(PROMPT);
});
