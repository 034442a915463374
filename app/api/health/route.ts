import { serverHealth } from "@/lib/health/health";

export const dynamic = "force-dynamic";

/**
 * Database, storage and the worker's last heartbeat; 503 when any of them is down (a worker
 * silent for a minute counts). Cheap enough for a process manager to ask every few seconds:
 * one SELECT 1, one indexed read, and a disk access() (a bucket is asked at most every 30 s).
 */
export async function GET(): Promise<Response> {
  const report = await serverHealth();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
