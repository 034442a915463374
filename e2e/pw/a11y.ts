/** Accessibility and layout checks a spec runs on a page: axe-core, overflow, target sizes. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** WCAG 2.0–2.2 A and AA rules. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The serious and critical axe violations on the page, as "rule: target (summary)" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`));
}

/** How many CSS pixels the page is wider than its viewport (0: no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
  /** Why it may stay small, when it may. */
  allowed?: string;
}

/**
 * Every visible interactive element smaller than `min` px either way. A radio or checkbox is
 * measured by its label (the label is what is tapped). Inline links inside a sentence
 * are reported with their allowance: WCAG 2.5.8 exempts them and a 44 px line would break the text.
 */
export function smallTargets(page: Page, min = 44): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    const out: { what: string; width: number; height: number; allowed?: string }[] = [];
    const describe = (el: Element) => {
      const name = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.getAttribute("name") ?? "").trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} “${name}”`;
    };
    for (const el of Array.from(document.querySelectorAll(selector))) {
      let target: Element = el;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      // Visually hidden until focused (the skip link; checked on its own when focused).
      if (style.position === "absolute" && style.clipPath.startsWith("inset(50%")) continue;
      let rect = el.getBoundingClientRect();
      // A checkbox or radio is tapped through its label (clicking it toggles the control).
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
        const label = el.labels?.[0];
        if (!label) continue;
        target = label;
        rect = label.getBoundingClientRect();
      }
      if (rect.width === 0 && rect.height === 0) continue; // not rendered (closed <details>, hidden panel)
      if (target.closest("[aria-hidden='true'], [inert]")) continue;
      if (rect.width >= min && rect.height >= min) continue;
      const inline = getComputedStyle(target).display === "inline" && target.tagName === "A" && target.parentElement && /^(P|SPAN|LI|FOOTER|LABEL|DIV)$/.test(target.parentElement.tagName);
      const allowed = inline
        ? "an inline link inside a sentence (WCAG 2.5.8 inline exception)"
        : target.tagName === "PRE"
          ? "a code block, focusable only so the keyboard can scroll it; nothing to tap"
          : undefined;
      out.push({ what: describe(el), width: Math.round(rect.width), height: Math.round(rect.height), allowed });
    }
    return out;
  }, min);
}
