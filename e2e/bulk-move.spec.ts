/**
 * The bulk bar's "Move to": two videos picked (a checkbox and a shift-click) go into a project
 * together; filtering by it lists exactly those two, a reload still does (the database holds it),
 * and another account sees neither the project nor the videos.
 */
import { newAccount, signUp } from "./pw/accounts";
import { listJobs } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { cardIds, jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { viewer } from "./pw/viewer";

test("bulk bar: move two picked videos to a project, filter by it, reload; another user sees none of it", async ({ page, app, account, browser }) => {
  const now = Date.now();
  const a = await seedJobWithFiles(app.dataDir, account.id, { prompt: "bulk one: a heron over a marsh", createdAt: now - 3_000 });
  const left = await seedJobWithFiles(app.dataDir, account.id, { prompt: "stays put: a rainy tram stop", createdAt: now - 2_000 });
  const b = await seedJobWithFiles(app.dataDir, account.id, { prompt: "bulk two: a kite over dunes", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(3);

  await page.getByLabel("New project", { exact: true }).fill("Shortlist");
  await page.getByRole("button", { name: "Create project" }).click();
  const projectSelect = page.getByLabel("Project", { exact: true });
  await expect(projectSelect.getByRole("option", { name: "Shortlist" })).toHaveCount(1);
  const projectId = await projectSelect.getByRole("option", { name: "Shortlist" }).getAttribute("value");
  expect(projectId).toBeTruthy();

  // One by its checkbox (as on touch), one by a shift-click on its poster (which picks, not opens).
  await page.getByLabel(`Select: ${a.prompt}`).check();
  await page.locator(`[data-testid="job-card"][data-job-id="${b.id}"] [data-open-viewer]`).click({ modifiers: ["Shift"] });
  await expect(viewer(page)).toHaveCount(0);
  const bar = page.getByRole("region", { name: "Selected videos" });
  await expect(bar).toContainText("2 selected");

  await bar.getByLabel("Move to", { exact: true }).selectOption({ label: "Shortlist" });
  await expect(page.getByRole("status").filter({ hasText: "Moved 2 videos to Shortlist." })).toBeVisible();
  // The bar now says where both are.
  await expect(bar.getByLabel("Move to", { exact: true })).toHaveValue(projectId!);

  await projectSelect.selectOption({ label: "Shortlist" });
  await page.waitForURL((url) => url.searchParams.get("project") === projectId);
  await expect.poll(async () => (await cardIds(page)).sort()).toEqual([a.id, b.id].sort());

  await page.reload();
  await expect(page.getByLabel("Project", { exact: true })).toHaveValue(projectId!);
  await expect.poll(async () => (await cardIds(page)).sort()).toEqual([a.id, b.id].sort());
  expect((await listJobs(page.request, `project=${projectId}`)).map((j) => j.id).sort(), "stored, not only cached").toEqual([a.id, b.id].sort());
  await page.getByLabel("Project", { exact: true }).selectOption({ label: "Unsorted" });
  await expect.poll(() => cardIds(page)).toEqual([left.id]);

  const contextB = await browser.newContext();
  try {
    const pageB = await contextB.newPage();
    await signUp(pageB, newAccount("bob"));
    await pageB.goto(`/gallery?project=${projectId}`);
    await expect(pageB.getByLabel("Project", { exact: true }).getByRole("option")).toHaveText(["All projects", "Unsorted"]);
    await expect(jobCards(pageB)).toHaveCount(0);
    expect(await listJobs(pageB.request, `project=${projectId}`)).toEqual([]);
    await pageB.goto("/gallery");
    await expect(pageB.getByText("No videos yet.")).toBeVisible();
    await expect(jobCards(pageB)).toHaveCount(0);
    expect(await listJobs(pageB.request)).toEqual([]);
  } finally {
    await contextB.close();
  }
  // Alice's two are still where she put them.
  expect((await listJobs(page.request, `project=${projectId}`)).map((j) => j.id).sort()).toEqual([a.id, b.id].sort());
});
