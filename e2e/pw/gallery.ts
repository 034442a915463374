/** Job cards (studio home and /gallery) and the gallery's filters, by the selector contract. */
import { expect, type Locator, type Page } from "@playwright/test";

export function jobCards(page: Page): Locator {
  return page.getByTestId("job-card");
}

export function jobCard(page: Page, id: string): Locator {
  return page.locator(`[data-testid="job-card"][data-job-id="${id}"]`);
}

/** The ids of the cards on the page, in page order. */
export function cardIds(page: Page): Promise<string[]> {
  return jobCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute("data-job-id") ?? ""));
}

/** Waits for a card whose id is not in `before` and returns its id. */
export async function newCardId(page: Page, before: readonly string[], timeout = 15_000): Promise<string> {
  let found = "";
  await expect
    .poll(async () => {
      found = (await cardIds(page)).find((id) => !before.includes(id)) ?? "";
      return found;
    }, { message: "a new job card should appear", timeout })
    .not.toBe("");
  return found;
}

export function cardButton(card: Locator, name: "Cancel" | "Retry" | "Remix" | "Favorite" | "Delete"): Locator {
  // Remix goes to the composer, so it is a link; the others act in place.
  return card.getByRole(name === "Remix" ? "link" : "button", { name, exact: true });
}

/** The card's link to its job page (the prompt text). */
export function cardLink(card: Locator, id: string): Locator {
  // The card's prompt links to the job page; the "⋯" menu's "Open page" does too, but is hidden until opened.
  return card.locator(`a[href$="/jobs/${id}"]:not(nav *)`).first();
}

/** The aria-valuenow of each progress bar on the card (none once the job has finished). */
function cardProgress(card: Locator): Promise<number[]> {
  return card.getByRole("progressbar").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("aria-valuenow"))));
}

/** Follows a card until its status is `status`; returns the progress values it showed on the way, in order. */
export async function watchCard(card: Locator, status: string, timeout = 90_000): Promise<number[]> {
  const seen: number[] = [];
  await expect
    .poll(async () => {
      const [value] = await cardProgress(card);
      if (value !== undefined && value !== seen.at(-1)) seen.push(value);
      return card.getAttribute("data-status");
    }, { message: `the card should reach ${status}`, timeout, intervals: [100, 200] })
    .toBe(status);
  return seen;
}

export class GalleryFilters {
  readonly status: Locator;
  readonly model: Locator;
  readonly favoritesOnly: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByLabel("Status", { exact: true });
    this.model = page.getByLabel("Model", { exact: true });
    this.favoritesOnly = page.getByLabel("Favorites only", { exact: true });
    this.search = page.getByLabel("Search prompts", { exact: true });
  }

  async open(): Promise<this> {
    await this.page.goto("/gallery");
    await expect(this.status).toBeVisible();
    return this;
  }
}
