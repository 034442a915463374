/** The JSON API through a browser context's session (page.request), to set up and check state. */
import { expect, type APIRequestContext } from "@playwright/test";
import type { JobHistoryEntry } from "../../lib/jobs/history";
import type { JobJson } from "../../lib/jobs/serialize";

/** Creates a local-preview job (2 s at 480p unless told otherwise) and returns its id. */
export async function createJob(request: APIRequestContext, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await request.post("/api/jobs", {
    data: { model: "local:preview", prompt: "a paper boat drifting on a pond, slow dolly in", durationSeconds: 2, resolution: "480p", ...fields },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** One job with its recorded status changes (`history`), as `GET /api/jobs/:id` answers. */
export async function getJob(request: APIRequestContext, id: string): Promise<JobJson & { history: JobHistoryEntry[] }> {
  const res = await request.get(`/api/jobs/${id}`);
  expect(res.status(), `GET /api/jobs/${id}`).toBe(200);
  return (await res.json()) as JobJson & { history: JobHistoryEntry[] };
}

export async function listJobs(request: APIRequestContext, query = ""): Promise<JobJson[]> {
  const res = await request.get(`/api/jobs${query ? `?${query}` : ""}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: JobJson[] }).items;
}
