/**
 * Scenario markers: a prompt containing `[fake:NAME]` or `[fake:NAME=VALUE]` picks a
 * fake's behaviour for that one job, so parallel tests sharing a fake do not interfere.
 */
export type Markers = Map<string, string>;

/**
 * `[fake@NAME:MARKER]` applies only at the fake called NAME (`fake` below), so one prompt sent to
 * two providers in turn (a job falling back) can be rate limited at one and served by the other.
 */
export function markersIn(text: unknown, fake?: string): Markers {
  const found: Markers = new Map();
  if (typeof text !== "string") return found;
  for (const m of text.matchAll(/\[fake(?:@([a-z0-9_-]+))?:([a-z0-9_-]+)(?:=([^\]]*))?\]/gi)) {
    if (m[1] && m[1].toLowerCase() !== fake) continue;
    found.set(m[2]!.toLowerCase(), m[3] ?? "");
  }
  return found;
}

/** Remembers, per marker and key, how many times something happened (e.g. 429s already sent for a prompt). */
export class Counter {
  private counts = new Map<string, number>();
  next(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}
