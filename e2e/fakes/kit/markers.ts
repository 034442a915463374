/**
 * Scenario markers: a prompt containing `[fake:NAME]` or `[fake:NAME=VALUE]` picks a
 * fake's behaviour for that one job, so parallel tests sharing a fake do not interfere.
 */
export type Markers = Map<string, string>;

export function markersIn(text: unknown): Markers {
  const found: Markers = new Map();
  if (typeof text !== "string") return found;
  for (const m of text.matchAll(/\[fake:([a-z0-9_-]+)(?:=([^\]]*))?\]/gi)) found.set(m[1]!.toLowerCase(), m[2] ?? "");
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
