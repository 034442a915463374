/** A tiny client for the JSON API, as a script would use it. */
import type { JobJson } from "../../lib/jobs/serialize";
import { waitFor } from "./app-server";

export async function postJob(baseUrl: string, fields: Record<string, unknown>, image?: { bytes: Buffer; name: string; type: string }) {
  let res: Response;
  if (image) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    form.set("image", new Blob([new Uint8Array(image.bytes)], { type: image.type }), image.name);
    res = await fetch(`${baseUrl}/api/jobs`, { method: "POST", body: form });
  } else {
    res = await fetch(`${baseUrl}/api/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
  }
  return { status: res.status, body: (await res.json()) as { id?: string; status?: string; error?: { code: string; message: string; fields?: Record<string, string> } } };
}

export async function getJobJson(baseUrl: string, id: string): Promise<JobJson> {
  const res = await fetch(`${baseUrl}/api/jobs/${id}`);
  if (!res.ok) throw new Error(`GET job ${id}: ${res.status}`);
  return (await res.json()) as JobJson;
}

/** Polls the API until the job satisfies `until`; returns every distinct state seen. */
export async function watchJob(baseUrl: string, id: string, until: (j: JobJson) => boolean, timeoutMs = 60_000) {
  const seen: JobJson[] = [];
  let last: JobJson | undefined;
  await waitFor(
    async () => {
      last = await getJobJson(baseUrl, id);
      const prev = seen.at(-1);
      if (!prev || prev.status !== last.status || prev.progress !== last.progress) seen.push(last);
      return until(last);
    },
    timeoutMs,
    () => `job ${id} is ${JSON.stringify(last)}`,
  );
  return { job: last!, seen };
}

export const isFinished = (j: JobJson) => ["succeeded", "failed", "canceled"].includes(j.status);
