/**
 * Largest Contentful Paint of a gallery page in Chromium, cold: each load in a fresh browser
 * context (empty cache, same session), median of several after one uncounted load that warms the
 * server. Shared by the 2,000-job (bench/gallery-lcp.ts) and 100,000-job (bench/gallery-100k.ts) galleries.
 */
import { errors, type Browser, type BrowserContextOptions } from "@playwright/test";
import { median, round } from "./util";

interface Load {
  lcpMs: number;
  firstCardMs: number | null;
  lcpElement: string;
  /** Whether every image in view had loaded before LCP was read (else it waited 10 s and read it anyway). */
  imagesComplete: boolean;
}

declare global {
  interface Window {
    __bench?: { lcp: number; lcpElement: string; firstCard: number | null };
  }
}

async function coldLoad(browser: Browser, context: BrowserContextOptions, pathname: string): Promise<Load> {
  const ctx = await browser.newContext(context);
  try {
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const b = { lcp: 0, lcpElement: "", firstCard: null as number | null };
      window.__bench = b;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
          b.lcp = e.startTime;
          b.lcpElement = e.element ? `${e.element.tagName.toLowerCase()}${e.element.getAttribute("data-testid") ? `[${e.element.getAttribute("data-testid")}]` : ""}` : "";
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="job-card"]')) {
          b.firstCard = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const res = await page.goto(pathname, { waitUntil: "load" });
    if (res?.status() !== 200) throw new Error(`${pathname} answered ${res?.status()}`);
    await page.waitForSelector('[data-testid="job-card"]', { timeout: 15_000 });
    // Posters in view are LCP candidates too: let them finish, then two frames for the entry to land.
    // Only those in view: lazy posters further down are not fetched until scrolled to.
    const postersInView = () =>
      Array.from(document.images)
        .filter((i) => {
          const r = i.getBoundingClientRect();
          return r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
        })
        .every((i) => i.complete);
    const imagesComplete = await page.waitForFunction(postersInView, null, { timeout: 10_000 }).then(
      () => true,
      (err: unknown) => {
        if (err instanceof errors.TimeoutError) return false;
        throw err;
      },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const b = await page.evaluate(() => window.__bench!);
    if (!b.lcp) throw new Error("Chromium reported no largest-contentful-paint entry");
    return { lcpMs: b.lcp, firstCardMs: b.firstCard, lcpElement: b.lcpElement, imagesComplete };
  } finally {
    await ctx.close();
  }
}

/** Median LCP in seconds over `loads` cold loads of `pathname`, with the per-load numbers. */
export async function measureLcp(
  browser: Browser,
  context: BrowserContextOptions,
  opts: { loads: number; pathname?: string },
): Promise<{ seconds: number; details: Record<string, unknown> }> {
  const pathname = opts.pathname ?? "/gallery";
  await coldLoad(browser, context, pathname);
  const loads: Load[] = [];
  for (let i = 0; i < opts.loads; i++) loads.push(await coldLoad(browser, context, pathname));
  const seconds = median(loads.map((l) => l.lcpMs)) / 1000;
  const cards = loads.map((l) => l.firstCardMs).filter((x): x is number => x !== null);
  return {
    seconds: round(seconds, 3),
    details: {
      lcpMs: loads.map((l) => Math.round(l.lcpMs)),
      firstCardMs: cards.map(Math.round),
      lcpElement: [...new Set(loads.map((l) => l.lcpElement))],
      imagesComplete: loads.map((l) => l.imagesComplete),
      chromium: browser.version(),
    },
  };
}
