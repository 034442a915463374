/**
 * Keyboard for the grid of videos, read from the focused poster (each card's focus anchor): arrows
 * move between posters (up and down by where they sit on screen), F favorites, R remixes, Delete
 * asks to delete, each by pressing the card's own control so there is one code path per action.
 * Enter and Space open the viewer natively (the poster is a button). Pure DOM; no React.
 */
const POSTER = "[data-open-viewer]";

function posters(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(POSTER)];
}

/** The poster in the row above or below `from` that sits closest to it horizontally. */
function vertical(list: HTMLElement[], from: HTMLElement, down: boolean): HTMLElement | undefined {
  const a = from.getBoundingClientRect();
  const candidates = list.filter((p) => {
    const b = p.getBoundingClientRect();
    return down ? b.top >= a.bottom - 1 : b.bottom <= a.top + 1;
  });
  if (candidates.length === 0) return undefined;
  const rowTop = down ? Math.min(...candidates.map((p) => p.getBoundingClientRect().top)) : Math.max(...candidates.map((p) => p.getBoundingClientRect().top));
  const row = candidates.filter((p) => Math.abs(p.getBoundingClientRect().top - rowTop) < 2);
  const centre = a.left + a.width / 2;
  return row.reduce((best, p) => {
    const d = Math.abs(p.getBoundingClientRect().left + p.getBoundingClientRect().width / 2 - centre);
    const bd = Math.abs(best.getBoundingClientRect().left + best.getBoundingClientRect().width / 2 - centre);
    return d < bd ? p : best;
  });
}

/** Handles one keydown inside the grid; true when it was ours (the caller prevents the default). */
export function handleGridKey(root: HTMLElement, e: { key: string; target: EventTarget | null; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  const poster = e.target instanceof HTMLElement && e.target.matches(POSTER) ? e.target : null;
  if (!poster) return false;
  const list = posters(root);
  const i = list.indexOf(poster);
  const card = poster.closest<HTMLElement>('[data-testid="job-card"]');
  const press = (selector: string) => {
    const control = card?.querySelector<HTMLElement>(selector);
    control?.click();
    return Boolean(control);
  };
  switch (e.key) {
    case "ArrowRight":
      list[i + 1]?.focus();
      return true;
    case "ArrowLeft":
      list[i - 1]?.focus();
      return true;
    case "ArrowDown":
    case "ArrowUp":
      vertical(list, poster, e.key === "ArrowDown")?.focus();
      return true;
    case "f":
    case "F":
      return press('button[aria-label="Favorite"]');
    case "r":
    case "R":
      return press('a[aria-label="Remix"]');
    case "Delete":
      return press('button[aria-label="Delete"]');
    default:
      return false;
  }
}
