/** A tiny client for the JSON API, as a script would use it: every call carries its user's API token. */
import type { JobHistoryEntry } from "../../lib/jobs/history";
import type { JobJson } from "../../lib/jobs/serialize";
import { waitFor } from "./app-server";

/** Where the server is and who is asking (`auth` is empty for nobody). `App` is one: its owner. */
export interface ApiClient {
  url: string;
  auth: Record<string, string>;
}

/** The same server, asked by someone else. */
export function as(client: Pick<ApiClient, "url">, who: { auth: Record<string, string> } | null): ApiClient {
  return { url: client.url, auth: who?.auth ?? {} };
}

/** fetch() on a path of the server, with the client's credentials. */
export function api(client: ApiClient, pathname: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(client.url + pathname, { ...init, headers: { ...client.auth, ...init.headers } });
}

type ErrorBody = { error?: { code: string; message: string; fields?: Record<string, string> } };

export async function postJob(client: ApiClient, fields: Record<string, unknown>, image?: { bytes: Buffer; name: string; type: string }) {
  let res: Response;
  if (image) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    form.set("image", new Blob([new Uint8Array(image.bytes)], { type: image.type }), image.name);
    res = await api(client, "/api/jobs", { method: "POST", body: form });
  } else {
    res = await api(client, "/api/jobs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
  }
  return { status: res.status, body: (await res.json()) as { id?: string; status?: string } & ErrorBody };
}

/** One job as `GET /api/jobs/:id` answers it: the list's fields plus its recorded status changes. */
export type JobDetailJson = JobJson & { history: JobHistoryEntry[] };

export async function getJobJson(client: ApiClient, id: string): Promise<JobDetailJson> {
  const res = await api(client, `/api/jobs/${id}`);
  if (!res.ok) throw new Error(`GET job ${id}: ${res.status}`);
  return (await res.json()) as JobDetailJson;
}

/** The job as lists and live events carry it: GET /api/jobs/{id} without its history. */
export async function getJobWithoutHistory(client: ApiClient, id: string): Promise<JobJson> {
  const { history: _history, ...job } = await getJobJson(client, id);
  return job;
}

/** The statuses the job went through, as recorded (never as a poller happened to see them). */
export const statusPath = (job: JobDetailJson) => job.history.map((h) => h.to);

export async function listJobsJson(client: ApiClient, query = ""): Promise<{ items: JobJson[]; nextCursor: string | null }> {
  const res = await api(client, `/api/jobs${query ? `?${query}` : ""}`);
  if (!res.ok) throw new Error(`GET /api/jobs?${query}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { items: JobJson[]; nextCursor: string | null };
}

/**
 * Polls the API until the job satisfies `until` and returns it. What happened on the way is in
 * `job.history`, recorded by the studio: a poller's samples would miss short-lived states.
 */
export async function watchJob(client: ApiClient, id: string, until: (j: JobDetailJson) => boolean, timeoutMs = 60_000) {
  let last: JobDetailJson | undefined;
  await waitFor(
    async () => {
      last = await getJobJson(client, id);
      return until(last);
    },
    timeoutMs,
    () => `job ${id} is ${JSON.stringify(last)}`,
  );
  return { job: last! };
}

export const isFinished = (j: JobJson) => ["succeeded", "failed", "canceled"].includes(j.status);
