/** The viewer (a take opened from its poster) and generation rows, by the selector contract. */
import type { Locator, Page } from "@playwright/test";

export function viewer(page: Page): Locator {
  return page.getByTestId("viewer");
}

/** The poster button that opens a card's job in the viewer. */
export function posterButton(page: Page, id: string): Locator {
  return page.locator(`[data-testid="job-card"][data-job-id="${id}"] [data-open-viewer]`);
}

export function generationRows(page: Page): Locator {
  return page.getByTestId("generation-row");
}

/** The `take` query parameter of the page's URL: the take the viewer shows, or null. */
export function takeInUrl(page: Page): string | null {
  return new URL(page.url()).searchParams.get("take");
}
