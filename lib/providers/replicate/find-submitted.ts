/**
 * Finds a prediction Dailies created but whose id it never stored (it stopped between Replicate's
 * answer and the write), in Replicate's list of recent predictions (`GET /predictions`, newest first,
 * filtered by `created_after`). Ours is the one created from the official model route for this
 * model with exactly the input this job builds (the image aside: its data URI or file URL is not
 * kept), that no other job already has. [U] the list is assumed to carry `input` and `model` as the
 * documented example does; if it also carries the `webhook` URL, that URL names the job outright.
 */
import "server-only";
import { isRecord, str } from "../kit/json";
import type { ProviderJob, Submitted } from "../types";
import { replicate } from "./client";
import { buildInput } from "./input";
import type { ReplicateModelSpec } from "./models";
import { isPrediction, type ReplicatePrediction } from "./prediction";

/** Replicate's clock and ours may differ, and the request took time to arrive. */
const CLOCK_SLACK_MS = 5 * 60_000;
/** 100 predictions a page; a lost submit is minutes old, so a few pages reach far enough back. */
const MAX_PAGES = 5;

export async function findSubmittedPrediction(
  spec: ReplicateModelSpec,
  job: ProviderJob,
  ctx: { submitStartedAt: number; isKnown(providerJobId: string): Promise<boolean> },
  toSubmitted: (p: ReplicatePrediction) => Submitted,
): Promise<Submitted | null> {
  const expected = buildInput(spec, job, null);
  const since = new Date(ctx.submitStartedAt - CLOCK_SLACK_MS).toISOString();
  const matches: ReplicatePrediction[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ created_after: since });
    if (cursor) query.set("cursor", cursor);
    const { body } = await replicate.json<unknown>("GET", `/predictions?${query}`, { what: "list of recent predictions" });
    const results = isRecord(body) && Array.isArray(body.results) ? body.results.filter(isPrediction) : [];
    for (const p of results) {
      if (webhookNames(p, job.id)) return (await ctx.isKnown(p.id)) ? null : toSubmitted(p);
      if (sameRequest(p, spec, expected)) matches.push(p);
    }
    // Only the cursor is taken from `next`: the next page is asked of our own base URL, with our key.
    cursor = isRecord(body) && typeof body.next === "string" ? new URL(body.next, "http://x.invalid").searchParams.get("cursor") : null;
    if (!cursor) break;
  }
  // The oldest first: two identical jobs lost at once get their predictions in the order they were sent.
  matches.sort((a, b) => String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")));
  for (const p of matches) if (!(await ctx.isKnown(p.id))) return toSubmitted(p);
  return null;
}

function webhookNames(p: ReplicatePrediction, jobId: string): boolean {
  const hook = str((p as unknown as Record<string, unknown>).webhook);
  if (!hook) return false;
  try {
    return new URL(hook).searchParams.get("job") === jobId;
  } catch {
    return false;
  }
}

/** Same model, and every input field this job sets has the same value (the start image excepted). */
function sameRequest(p: ReplicatePrediction, spec: ReplicateModelSpec, expected: Record<string, unknown>): boolean {
  if (p.model !== spec.providerModel || !isRecord(p.input)) return false;
  const input = p.input;
  return Object.entries(expected).every(([k, v]) => JSON.stringify(input[k]) === JSON.stringify(v));
}
