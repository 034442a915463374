/**
 * The cost of an unchanged poll: `GET /api/jobs?changedSince=…` with the ETag of the previous
 * answer, which the server answers 304 with no body. Sequential, one keep-alive connection,
 * signed in with the session cookie, against the 2,000-job account. The URL is the gallery's own:
 * changedSince from the first page's newest change (less the client's overlap), limit 100.
 */
import http from "node:http";
import { changedSince } from "../lib/jobs/poll-diff";
import type { JobJson } from "../lib/jobs/serialize";
import type { Studio } from "./studio-server";
import { median, round, type Measurement } from "./util";

const REQUESTS = 200;
const WARMUP = 20;
const TARGET_MS = 5;

function get(url: string, headers: Record<string, string>, agent: http.Agent): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

export const unchangedPollMeasure = { id: "unchanged_poll_p50", name: `Unchanged poll, 304 (p50 of ${REQUESTS} sequential)`, unit: "ms", target: `< ${TARGET_MS} ms` };

export async function benchUnchangedPoll(studio: Studio): Promise<Measurement> {
  const base = unchangedPollMeasure;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const listed = await fetch(`${studio.app.url}/api/jobs`, { headers: { cookie: studio.cookie } });
    if (listed.status !== 200) throw new Error(`the first page answered ${listed.status}`);
    const { items } = (await listed.json()) as { items: JobJson[] };
    const url = `${studio.app.url}/api/jobs?changedSince=${changedSince(items)}&limit=100`;
    const first = await get(url, { cookie: studio.cookie }, agent);
    if (first.status !== 200 || !first.etag) throw new Error(`the first poll answered ${first.status} with etag ${first.etag}`);
    const headers = { cookie: studio.cookie, "if-none-match": first.etag };
    const times: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const t0 = performance.now();
      const { status } = await get(url, headers, agent);
      const ms = performance.now() - t0;
      if (status !== 304) throw new Error(`poll ${i + 1} answered ${status}, not 304`);
      if (i >= WARMUP) times.push(ms);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p50 = median(times);
    return {
      ...base,
      value: round(p50, 2),
      pass: p50 < TARGET_MS,
      details: { p90Ms: round(sorted[Math.floor(sorted.length * 0.9)]!, 2), maxMs: round(sorted.at(-1)!, 2), requests: REQUESTS, warmup: WARMUP },
    };
  } catch (err) {
    return { ...base, value: null, pass: false, details: {}, error: String(err) };
  } finally {
    agent.destroy();
  }
}
