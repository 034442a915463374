/** Short human text for the numbers on a job: waits, file sizes, prices. */

export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Price times length, from the catalog; the local renderer costs nothing. */
export function formatCost(pricePerSecondUsd: number | null | undefined, durationSeconds: number, isLocal: boolean): string {
  if (isLocal || pricePerSecondUsd === 0) return "Free";
  if (pricePerSecondUsd === null || pricePerSecondUsd === undefined) return "Not published by the provider";
  const usd = pricePerSecondUsd * durationSeconds;
  return `$${usd < 0.1 ? usd.toFixed(3) : usd.toFixed(2)}`;
}

/** The start of a prompt for a toast or a title. */
export function promptStart(prompt: string, max = 48): string {
  const clean = prompt.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
