/**
 * The viewer's player by keyboard (K and Space play and pause, J/L jump, M mutes, F full screen)
 * and its Compare toggle, which plays two takes side by side with the second following the first.
 * What is asserted is the video elements' own state, read from the browser.
 */
import type { Locator } from "@playwright/test";
import { expect, test } from "./pw/fixtures";
import { jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { posterButton, viewer } from "./pw/viewer";

const state = (v: Locator) =>
  v.evaluate((el: HTMLVideoElement) => ({ paused: el.paused, muted: el.muted, time: el.currentTime, duration: el.duration, full: document.fullscreenElement === el }));

test("player keys: K and Space play and pause, L and J jump, M mutes, F goes full screen and back", async ({ page, app, account }) => {
  const job = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a paper crane unfolding on a desk, macro" });
  await page.goto("/gallery");
  await posterButton(page, job.id).click();
  const player = viewer(page).getByTestId("player");
  await expect(player).toBeVisible();
  await expect.poll(async () => (await state(player)).duration).toBeGreaterThan(1);
  // No provider here has a native extend (the local preview has none), so there is no Extend: Use last frame stands in.
  await expect(viewer(page).getByRole("link", { name: "Use last frame" })).toBeVisible();
  await expect(viewer(page).getByRole("button", { name: /Extend/ }).or(viewer(page).getByRole("link", { name: /Extend/ }))).toHaveCount(0);
  // Muted first, so play() is allowed without a gesture; M is then checked from muted to sound and back.
  await player.evaluate((v: HTMLVideoElement) => (v.muted = true));
  await player.focus();

  await page.keyboard.press("k");
  await expect.poll(async () => (await state(player)).paused).toBe(false);
  await page.keyboard.press("k");
  await expect.poll(async () => (await state(player)).paused).toBe(true);
  await page.keyboard.press(" ");
  await expect.poll(async () => (await state(player)).paused, "Space plays, and its keyup does not undo it").toBe(false);
  await page.keyboard.press(" ");
  await expect.poll(async () => (await state(player)).paused).toBe(true);

  await page.keyboard.press("l");
  const { time, duration } = await state(player);
  expect(time, "L jumps 10 s, clamped to the end of a short clip").toBeCloseTo(duration, 1);
  await page.keyboard.press("j");
  expect((await state(player)).time, "J jumps back 10 s, clamped to the start").toBe(0);

  await page.keyboard.press("m");
  expect((await state(player)).muted).toBe(false);
  await page.keyboard.press("m");
  expect((await state(player)).muted).toBe(true);

  await page.keyboard.press("f");
  await expect.poll(async () => (await state(player)).full).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(async () => (await state(player)).full).toBe(false);
  await expect(viewer(page), "F leaving full screen does not close the viewer").toBeVisible();
});

test("Compare plays two takes side by side, the second following the first's play, pause and seek", async ({ page, app, account }) => {
  const now = Date.now();
  const first = await seedJobWithFiles(app.dataDir, account.id, { prompt: "take one: a kite over dunes", createdAt: now - 1_000 });
  const second = await seedJobWithFiles(app.dataDir, account.id, { prompt: "take two: a kite over the sea", createdAt: now - 2_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(2);
  await posterButton(page, first.id).click();
  await expect(viewer(page)).toHaveAttribute("data-job-id", first.id);

  const toggle = viewer(page).getByRole("button", { name: "Compare", exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const lead = viewer(page).getByTestId("compare-lead");
  const follow = viewer(page).getByTestId("compare-follow");
  await expect(lead).toBeVisible();
  await expect(follow).toHaveAttribute("src", new RegExp(`${second.id}`));
  await expect.poll(async () => (await state(follow)).duration).toBeGreaterThan(1);

  await lead.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(async () => (await state(follow)).paused, "the second plays with the first").toBe(false);
  await lead.evaluate((v: HTMLVideoElement) => v.pause());
  await expect.poll(async () => (await state(follow)).paused, "and pauses with it").toBe(true);
  await lead.evaluate((v: HTMLVideoElement) => (v.currentTime = 1));
  await expect.poll(async () => Math.abs((await state(follow)).time - 1), "a seek of the first moves the second").toBeLessThan(0.15);

  await toggle.click();
  await expect(viewer(page).getByTestId("compare-pair")).toHaveCount(0);
  await expect(viewer(page).getByTestId("player")).toBeVisible();
});
