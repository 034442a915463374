/** A second account sees nothing of the first one's work and cannot act on it: every door answers 404. */
import { newAccount, signUp } from "./pw/accounts";
import { createJob, getJob, listJobs } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { GalleryFilters, cardIds, jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { isStored } from "./support/stored-files";

test("another user gets 404 for someone else's jobs, pages, media and API", async ({ page: pageA, account: alice, browser, app, request: anonymous }) => {
  // Alice's finished job, with its video and poster on disk.
  const { id: aId } = await seedJobWithFiles(app.dataDir, alice.id, { prompt: "Alice's private lighthouse, pan left" });
  const aJob = await getJob(pageA.request, aId);
  const mediaUrls = [aJob.video!.url, aJob.video!.posterUrl];
  for (const url of mediaUrls) expect((await pageA.request.get(url)).status(), `the owner can fetch ${url}`).toBe(200);

  const contextB = await browser.newContext();
  try {
    const pageB = await contextB.newPage();
    await signUp(pageB, newAccount("bob"));
    const bId = await createJob(pageB.request, { prompt: "Bob's own paper boat" });

    // B's gallery: B's job only.
    await new GalleryFilters(pageB).open();
    await expect(jobCards(pageB)).toHaveCount(1);
    expect(await cardIds(pageB)).toEqual([bId]);
    expect((await listJobs(pageB.request)).map((j) => j.id)).toEqual([bId]);
    expect(await listJobs(pageB.request, `ids=${aId}`)).toEqual([]);

    // A's job page, media and API: exactly as if they did not exist.
    expect((await pageB.goto(`/jobs/${aId}`))?.status()).toBe(404);
    for (const url of mediaUrls) {
      expect((await pageB.request.get(url)).status(), `B gets 404 for ${url}`).toBe(404);
      expect((await anonymous.get(url)).status(), `nobody gets 404 for ${url}`).toBe(404);
    }
    expect((await pageB.request.get(`/api/jobs/${aId}`)).status()).toBe(404);
    expect((await anonymous.get(`/api/jobs/${aId}`)).status()).toBe(404);
    expect((await pageB.request.get(`/api/jobs/${aId}/last-frame`)).status(), "B cannot take A's last frame").toBe(404);

    // Acting on it with B's session.
    expect((await pageB.request.post(`/api/jobs/${aId}/cancel`)).status()).toBe(404);
    expect((await pageB.request.delete(`/api/jobs/${aId}`)).status()).toBe(404);

    // A's job is untouched.
    const after = await getJob(pageA.request, aId);
    expect(after).toMatchObject({ status: "succeeded", updatedAt: aJob.updatedAt, video: aJob.video });
    expect(await isStored(app.dataDir, `videos/${aId}.mp4`)).toBe(true);
    for (const url of mediaUrls) expect((await pageA.request.get(url)).status()).toBe(200);
  } finally {
    await contextB.close();
  }
});
