/** Pieces the scale-out measurements share: sampling, percentiles, a signed-in session, bulk inserts. */
import { randomBytes } from "node:crypto";
import type { Db } from "../lib/db/client";
import type { NewJob } from "../lib/db/schema";
import type { Server } from "../e2e/support/app-server";
import { actionFields, postForm } from "../e2e/support/form-post";
import { testPostgresUrl } from "../e2e/support/test-postgres";
import { round } from "./util";

export const APP_SECRET = "bench-scale-secret-0123456789abcdefghijkl";

/** The dialect the harness uses now (DATABASE_URL set or not; bench/dialects.ts switches it). */
export const dialect = () => (testPostgresUrl() ? "Postgres" : "SQLite");

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!, 1);
}

export async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  // Warm-up, not counted; tried twice, since a keep-alive socket left idle through the seeding may
  // have been closed by the server just as it is reused ("other side closed").
  await fn().catch(() => fn());
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function insertMany(db: Db, rows: NewJob[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.orm.insert(db.t.jobs).values(rows.slice(i, i + 500));
}

/** Signs up through the real form; returns the session's cookies (name and value). */
export async function signUpCookies(server: Server): Promise<Array<{ name: string; value: string }>> {
  const fields = await actionFields(server.url, "/sign-up");
  const answer = await postForm(server.url, "/sign-up", { ...fields, name: "Bench", email: `bench-${randomBytes(4).toString("hex")}@example.com`, password: "bench password 123" });
  const raw = answer.headers["set-cookie"];
  const cookies = (Array.isArray(raw) ? raw : [raw ?? ""])
    .map((c) => c.split(";")[0]!)
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
  if (!cookies.length) throw new Error(`sign-up gave no session (${answer.status})`);
  return cookies;
}

export async function fetchOk(server: Server, pathname: string, cookie: string): Promise<void> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) }).catch((err: unknown) => {
    throw new Error(`GET ${pathname} failed (${String((err as Error).cause ?? err)}); the server said:\n${server.output().slice(-3000)}`);
  });
  if (res.status !== 200) throw new Error(`GET ${pathname} answered ${res.status}`);
  await res.arrayBuffer();
}
