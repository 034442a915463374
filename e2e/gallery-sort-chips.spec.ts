/**
 * The gallery's sort (newest, oldest) and its filter chips: every active filter shows as a chip,
 * and a chip's × removes just that filter. The controls are server-rendered and load their code on
 * the gallery only (job-feed), so this also proves they still work there.
 */
import { expect, test } from "./pw/fixtures";
import { cardIds, GalleryFilters } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";

test("sort oldest first and back; each active filter is a chip that removes itself", async ({ page, app, account }) => {
  const now = Date.now();
  const a = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a: a heron lifts off a misty lake", createdAt: now - 3_000, favorite: true });
  const b = await seedJobWithFiles(app.dataDir, account.id, { prompt: "b: a heron in the rain, close up", createdAt: now - 2_000 });
  const c = await seedJobWithFiles(app.dataDir, account.id, { prompt: "c: a tram at night, neon", createdAt: now - 1_000, favorite: true });
  const filters = await new GalleryFilters(page).open();
  await expect.poll(() => cardIds(page)).toEqual([c.id, b.id, a.id]);
  const sort = page.getByLabel("Sort", { exact: true });
  await expect(sort).toHaveValue("newest");

  await sort.selectOption("oldest");
  await expect.poll(() => cardIds(page)).toEqual([a.id, b.id, c.id]);
  await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("oldest");

  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips, "a sort is not a filter").toHaveCount(0);
  await filters.favoritesOnly.check();
  await filters.search.fill("heron");
  await expect.poll(() => cardIds(page)).toEqual([a.id]);
  await expect(chips.getByRole("button")).toHaveText(["Favorites ×", "Search: “heron” ×"]);

  await chips.getByRole("button", { name: "Remove filter Favorites" }).click();
  await expect.poll(() => cardIds(page), "only the search is left, still oldest first").toEqual([a.id, b.id]);
  await expect(filters.favoritesOnly).not.toBeChecked();
  await expect(chips.getByRole("button")).toHaveText(["Search: “heron” ×"]);
  await chips.getByRole("button", { name: /^Remove filter Search/ }).click();
  await expect(chips).toHaveCount(0);
  await expect(filters.search).toHaveValue("");

  await sort.selectOption("newest");
  await expect.poll(() => cardIds(page)).toEqual([c.id, b.id, a.id]);
});
