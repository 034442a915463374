/**
 * Replicate has no progress field; video models print tqdm bars into `logs`
 * ("76%|███████▌  | 7568/10000"). The last bar is the freshest, so we read that one.
 */

const TQDM_PERCENT = /(\d{1,3})%\|/g;

/** Progress 0..1 from the last tqdm bar in the logs, or undefined when there is none. */
export function progressFromLogs(logs: unknown): number | undefined {
  if (typeof logs !== "string" || logs.length === 0) return undefined;
  // Only the tail matters and logs can grow to megabytes on long runs.
  const tail = logs.slice(-4000);
  let last: string | undefined;
  for (const m of tail.matchAll(TQDM_PERCENT)) last = m[1];
  if (last === undefined) return undefined;
  return Math.min(100, Number(last)) / 100;
}
