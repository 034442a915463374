/**
 * The JSON API takes types as they are: a number must be a JSON number, a model id text, a prompt
 * visible words; multipart numbers are decimal digits; an image is a non-empty file. Each refusal
 * is a 422 naming the field, and leaves no job behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, listJobsJson, postJob } from "./support/api";
import { startApp, type App } from "./support/app-server";

let app: App;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "off" } });
});
afterAll(async () => {
  await app?.stop();
});

const base = { model: "local:preview", prompt: "a fox in the snow", aspectRatio: "16:9", durationSeconds: 5 };

async function postForm(fields: Record<string, string>, image?: string | { bytes: Buffer; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (typeof image === "string") form.set("image", image);
  else if (image) form.set("image", new Blob([new Uint8Array(image.bytes)], { type: "image/png" }), image.name);
  const res = await api(app, "/api/jobs", { method: "POST", body: form });
  return { status: res.status, body: (await res.json()) as { error?: { fields?: Record<string, string> } } };
}

const formBase = { model: "local:preview", prompt: "a fox in the snow", aspectRatio: "16:9", durationSeconds: "5" };

describe("strict input through the JSON API", () => {
  it("refuses JSON values of the wrong type, naming the field", async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ["durationSeconds", { durationSeconds: [2] }],
      ["durationSeconds", { durationSeconds: "0x2" }],
      ["durationSeconds", { durationSeconds: "5" }],
      ["durationSeconds", { durationSeconds: true }],
      ["seed", { seed: "0x10" }],
      ["seed", { seed: true }],
      ["seed", { seed: [7] }],
      ["fps", { fps: "24" }],
      ["model", { model: 123 }],
      ["model", { model: ["local:preview"] }],
      ["prompt", { prompt: 42 }],
      ["prompt", { prompt: "\u200B\u200B\u200D\uFEFF" }],
      ["prompt", { prompt: " \u3164 \u2800 " }],
    ];
    const wrong: string[] = [];
    for (const [field, patch] of cases) {
      const r = await postJob(app, { ...base, ...patch });
      if (r.status !== 422 || !r.body.error?.fields?.[field]) wrong.push(`${JSON.stringify(patch)} -> ${r.status} ${JSON.stringify(r.body)}`);
    }
    expect(wrong).toEqual([]);
    expect((await listJobsJson(app)).items).toHaveLength(0);
  });

  it("refuses multipart numbers that are not plain decimal digits", async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ["durationSeconds", { durationSeconds: "0x2" }],
      ["durationSeconds", { durationSeconds: "5.0" }],
      ["durationSeconds", { durationSeconds: " 5" }],
      ["durationSeconds", { durationSeconds: "1e1" }],
      ["seed", { seed: "0x10" }],
      ["seed", { seed: "-1" }],
    ];
    const wrong: string[] = [];
    for (const [field, patch] of cases) {
      const r = await postForm({ ...formBase, ...patch });
      if (r.status !== 422 || !r.body.error?.fields?.[field]) wrong.push(`${JSON.stringify(patch)} -> ${r.status} ${JSON.stringify(r.body)}`);
    }
    expect(wrong).toEqual([]);
    expect((await listJobsJson(app)).items).toHaveLength(0);
  });

  it("refuses an empty image file and an image sent as text instead of making a text job", async () => {
    const empty = await postForm(formBase, { bytes: Buffer.alloc(0), name: "still.png" });
    expect(empty.status).toBe(422);
    expect(empty.body.error?.fields?.image).toBe("The image file is empty.");
    const text = await postForm(formBase, "still.png");
    expect(text.status).toBe(422);
    expect(text.body.error?.fields?.image).toBe("Upload the image as a file.");
    expect((await listJobsJson(app)).items).toHaveLength(0);
  });

  it("accepts the same job written correctly, as JSON and as a form", async () => {
    expect((await postJob(app, { ...base, seed: 16 })).status).toBe(201);
    expect((await postForm({ ...formBase, seed: "16" })).status).toBe(201);
    const jobs = (await listJobsJson(app)).items;
    expect(jobs.map((j) => [j.durationSeconds, j.seed])).toEqual([
      [5, 16],
      [5, 16],
    ]);
  });
});
