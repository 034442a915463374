/**
 * The tile's "⋯" menu: it opens by mouse and by keyboard, each entry does what it says (use the
 * take's prompt, its seed, all its settings; open its page; download it), Escape closes it and gives
 * focus back to its button, and on a phone its button and entries are 44 px targets.
 */
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./pw/fixtures";
import { jobCard } from "./pw/gallery";
import { seedJobWithFiles, type SeededJob } from "./pw/seed";

const PROMPT = "A lighthouse keeper climbs a spiral staircase, slow tilt up, oil painting";

function menuButton(card: Locator): Locator {
  // A <summary>: named by its aria-label, it has no button role in the accessibility tree.
  return card.getByLabel(/^More for: /);
}

function menu(card: Locator): Locator {
  return card.getByRole("navigation", { name: /^Start from: / });
}

async function galleryCard(page: Page, job: SeededJob): Promise<Locator> {
  await page.goto("/gallery");
  const card = jobCard(page, job.id);
  await expect(card).toBeVisible();
  return card;
}

test("opens by mouse; Use prompt, Use seed and Use all settings fill the composer", async ({ page, app, account, composer }) => {
  const job = await seedJobWithFiles(app.dataDir, account.id, { prompt: PROMPT, seed: 4242 });

  let card = await galleryCard(page, job);
  await card.hover();
  await menuButton(card).click();
  await expect(menu(card)).toBeVisible();
  await menu(card).getByRole("link", { name: "Use prompt" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("use") === "prompt");
  await expect(composer.prompt).toHaveValue(PROMPT);
  await expect(composer.parentId, "the prompt alone is a fresh take, not a remix").toHaveCount(0);

  card = await galleryCard(page, job);
  await card.hover();
  await menuButton(card).click();
  await menu(card).getByRole("link", { name: "Use seed" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("use") === "seed");
  await expect(composer.form.getByLabel("Seed")).toHaveValue("4242");
  await expect(composer.prompt, "the seed alone leaves the prompt to write").toHaveValue("");

  card = await galleryCard(page, job);
  await card.hover();
  await menuButton(card).click();
  await menu(card).getByRole("link", { name: "Use all settings" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("remix") === job.id);
  await expect(composer.prompt).toHaveValue(PROMPT);
  await expect(composer.form.getByLabel("Seed")).toHaveValue("4242");
  await expect(composer.parentId, "all settings make a remix that points back").toHaveValue(job.id);
});

test("opens by keyboard; Escape closes it and returns focus; Open page and Download work", async ({ page, app, account }) => {
  const job = await seedJobWithFiles(app.dataDir, account.id, { prompt: PROMPT });
  const card = await galleryCard(page, job);
  const button = menuButton(card);

  await button.focus();
  await expect(button, "the toolbar shows when focus is inside the tile").toBeVisible();
  await page.keyboard.press("Enter");
  await expect(menu(card)).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(menu(card).getByRole("link", { name: "Use prompt" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu(card)).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByRole("dialog"), "Escape in the menu opens or closes nothing else").toHaveCount(0);

  await page.keyboard.press("Space");
  await expect(menu(card)).toBeVisible();
  const download = page.waitForEvent("download");
  await menu(card).getByRole("link", { name: "Download" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^a-lighthouse-keeper-climbs.*\.mp4$/);
  expect(fs.statSync((await file.path())!).size, "the downloaded file is the video, not an empty answer").toBeGreaterThan(1_000);

  await menu(card).getByRole("link", { name: "Open page" }).click();
  await page.waitForURL((u) => u.pathname === `/jobs/${job.id}`);
});

test("on a phone the menu button and every entry are 44 px targets", async ({ page, app, account }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const job = await seedJobWithFiles(app.dataDir, account.id, { prompt: PROMPT, seed: 7 });
  const card = await galleryCard(page, job);
  const button = menuButton(card);
  await button.click();
  const entries = menu(card).getByRole("link");
  await expect(entries).toHaveText(["Use prompt", "Use seed", "Use all settings", "Open page", "Download"]);
  const small: string[] = [];
  for (const target of [button, ...(await entries.all())]) {
    const box = (await target.boundingBox())!;
    if (box.width < 44 || box.height < 44) small.push(`${await target.textContent()}: ${box.width}×${box.height}`);
  }
  expect(small).toEqual([]);
  const box = (await menu(card).boundingBox())!;
  expect(box.x, "the menu stays on the screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});
