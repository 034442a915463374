/**
 * Projects and the bulk bar through the browser: create a project, move a video into it from the
 * viewer, filter by it (and by Unsorted); another account sees none of it. Then select two videos
 * and download them as one zip that holds exactly their files.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { newAccount, signUp } from "./pw/accounts";
import { listJobs } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { cardIds, jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { storedBytes } from "./support/stored-files";
import { posterButton, viewer } from "./pw/viewer";

const run = promisify(execFile);

test("projects: create, move, filter, and another user sees none of them", async ({ page, app, account, browser }) => {
  const now = Date.now();
  const kept = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a lighthouse at dusk for the trailer", createdAt: now - 2_000 });
  const other = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a red fox in the rain, not for the trailer", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(2);

  await page.getByLabel("New project", { exact: true }).fill("Trailer");
  await page.getByRole("button", { name: "Create project" }).click();
  const projectSelect = page.getByLabel("Project", { exact: true });
  await expect(projectSelect.getByRole("option", { name: "Trailer" })).toHaveCount(1);
  const projectId = await projectSelect.getByRole("option", { name: "Trailer" }).getAttribute("value");
  expect(projectId).toBeTruthy();

  await posterButton(page, kept.id).click();
  await viewer(page).getByLabel("Move to project").selectOption({ label: "Trailer" });
  await expect(page.getByRole("status").filter({ hasText: "Moved to Trailer." })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toHaveCount(0);

  await projectSelect.selectOption({ label: "Trailer" });
  await page.waitForURL((url) => url.searchParams.get("project") === projectId);
  await expect.poll(() => cardIds(page)).toEqual([kept.id]);
  await projectSelect.selectOption({ label: "Unsorted" });
  await expect.poll(() => cardIds(page)).toEqual([other.id]);
  expect((await listJobs(page.request, `project=${projectId}`)).map((j) => j.id)).toEqual([kept.id]);

  const contextB = await browser.newContext();
  try {
    const pageB = await contextB.newPage();
    await signUp(pageB, newAccount("bob"));
    await pageB.goto(`/gallery?project=${projectId}`);
    const selectB = pageB.getByLabel("Project", { exact: true });
    await expect(selectB.getByRole("option")).toHaveText(["All projects", "Unsorted"]);
    await expect(jobCards(pageB)).toHaveCount(0);
    expect(await listJobs(pageB.request, `project=${projectId}`)).toEqual([]);
  } finally {
    await contextB.close();
  }
  // Alice's project still holds her video.
  expect((await listJobs(page.request, `project=${projectId}`)).map((j) => j.id)).toEqual([kept.id]);
});

test("bulk select and download: the zip holds exactly the selected videos", async ({ page, app, account }, testInfo) => {
  const now = Date.now();
  const a = await seedJobWithFiles(app.dataDir, account.id, { prompt: "first pick: a paper boat", createdAt: now - 3_000 });
  const b = await seedJobWithFiles(app.dataDir, account.id, { prompt: "not picked: a snowy owl", createdAt: now - 2_000 });
  const c = await seedJobWithFiles(app.dataDir, account.id, { prompt: "second pick: a glass teapot", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(3);

  await page.getByLabel(`Select: ${a.prompt}`).check();
  // Shift-click on a poster selects instead of opening the viewer.
  await page.locator(`[data-testid="job-card"][data-job-id="${c.id}"] [data-open-viewer]`).click({ modifiers: ["Shift"] });
  await expect(viewer(page)).toHaveCount(0);
  const bar = page.getByRole("region", { name: "Selected videos" });
  await expect(bar).toContainText("2 selected");

  const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("link", { name: /Download zip/ }).click()]);
  const zip = testInfo.outputPath("selected.zip");
  await download.saveAs(zip);
  await run("unzip", ["-t", "-q", zip]);
  const { stdout } = await run("unzip", ["-Z1", zip]);
  expect(stdout.trim().split("\n").sort()).toEqual(["first-pick-a-paper-boat.mp4", "second-pick-a-glass-teapot.mp4"]);
  const { stdout: bytes } = await run("unzip", ["-p", zip, "first-pick-a-paper-boat.mp4"], { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  expect(Buffer.compare(bytes, await storedBytes(app.dataDir, `videos/${a.id}.mp4`)), "the zip holds the stored file byte for byte").toBe(0);
  expect(b.id).not.toBe(a.id);
});
