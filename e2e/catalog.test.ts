/**
 * The catalog a provider lists, through the real production server: the allowedParams gateway's
 * fake lists durations [4, 6] and a `camerafixed` switch for a model, so GET /api/models says so,
 * a tampered request for 8 s gets a 422 naming 4 and 6, options are checked, stored and sent in
 * the gateway's own field; a model the gateway stops listing is hidden but its old jobs keep
 * their name; a broken list keeps the last good copy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayFake, type GatewayFake, type GatewayFakeModel } from "./fakes/gateway";
import { api, getJobJson, postJob, watchJob } from "./support/api";
import { startApp, waitFor, type App } from "./support/app-server";

const CLIP: GatewayFakeModel = {
  id: "clip-1",
  modality: "video",
  allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9", "9:16"], duration_seconds: [4, 6], camerafixed: [true, false] },
};
// A model the gateway's guide names, so Dailies knows its label ("Veo 3.1") beyond its id.
const VEO: GatewayFakeModel = { id: "veo-3-1", modality: "video", allowedParams: { resolution: ["720p"], aspect_ratio: ["16:9"], duration_seconds: [4, 8] } };

type ModelsBody = {
  providers: Array<{ id: string; available: boolean; hint: string | null; catalog: { fetchedAt: string | null; lastError: string | null } | null }>;
  models: Array<Record<string, unknown> & { id: string }>;
};

let fake: GatewayFake;
let app: App;
/** The fake reads this array on every request, so tests change what the gateway lists. */
const listed: GatewayFakeModel[] = [CLIP, VEO];

async function models(): Promise<ModelsBody> {
  const res = await api(app, "/api/models");
  expect(res.status).toBe(200);
  return (await res.json()) as ModelsBody;
}

const ids = async () => (await models()).models.map((m) => m.id);

beforeAll(async () => {
  fake = await startGatewayFake({ models: listed, timings: { queuedMs: 50, runningMs: 200 } });
  // About every 2 s, so the cases that change the list see a refresh soon.
  app = await startApp({ env: { ...fake.env, CATALOG_REFRESH_HOURS: "0.0005" } });
  await waitFor(async () => (await ids()).includes("gateway:clip-1"), 30_000, () => `the gateway's models never appeared:\n${app.output()}`);
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const base = { model: "gateway:clip-1", prompt: "a paper boat on a puddle", aspectRatio: "16:9", durationSeconds: 4 };

describe("GET /api/models", () => {
  it("needs a signed-in user or an API token", async () => {
    expect((await fetch(`${app.url}/api/models`)).status).toBe(401);
  });

  it("returns the merged catalog: the gateway's limits and options, and what is available here", async () => {
    const body = await models();
    const clip = body.models.find((m) => m.id === "gateway:clip-1");
    expect(clip).toMatchObject({
      label: "clip-1",
      provider: "gateway",
      modes: ["text", "image"],
      durations: [4, 6],
      aspectRatios: ["16:9", "9:16"],
      resolutions: ["720p"],
      fps: [24],
      options: [{ key: "camerafixed", kind: "boolean", default: false }],
      pricePerSecondUsd: null,
      available: true,
      unavailableReason: null,
      // The gateway takes images by URL, and this studio has no PUBLIC_URL.
      imageUnavailable: "needs PUBLIC_URL so the provider can fetch your image",
    });
    expect(typeof clip?.typicalLatencySeconds).toBe("number");
    expect(body.models.find((m) => m.id === "local:preview")).toMatchObject({ available: true, engine: "preview" });
    const replicate = body.models.find((m) => m.provider === "replicate");
    expect(replicate).toMatchObject({ available: false, unavailableReason: expect.stringMatching(/REPLICATE_API_TOKEN/) });
    const gateway = body.providers.find((p) => p.id === "gateway");
    expect(gateway).toMatchObject({ available: true, hint: null });
    expect(Date.parse(gateway!.catalog!.fetchedAt!)).toBeGreaterThan(0);
    expect(body.providers.find((p) => p.id === "local")?.catalog).toBeNull();
  });
});

describe("the server checks requests against the listed spec", () => {
  it("refuses 8 s with a 422 that names 4 and 6", async () => {
    const r = await postJob(app, { ...base, durationSeconds: 8 });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.durationSeconds).toBe("clip-1 makes videos of 4 s or 6 s.");
  });

  it("refuses an unknown option and a value of the wrong type, naming the field", async () => {
    const unknown = await postJob(app, { ...base, options: { generate_audio: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.fields?.options).toBe('clip-1 has no option "generate_audio"; it takes "camerafixed".');
    const wrong = await postJob(app, { ...base, options: { camerafixed: "yes" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.fields?.["options.camerafixed"]).toBe("Camerafixed (camerafixed) must be true or false.");
    expect(fake.submissions).toHaveLength(0);
  });

  it("stores the options and sends them in the gateway's own field, from JSON and from a form", async () => {
    const json = await postJob(app, { ...base, options: { camerafixed: true } });
    expect(json.status).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...base, prompt: "a kite over dunes", durationSeconds: 6 })) form.set(k, String(v));
    form.set("options.camerafixed", "false");
    const formRes = await api(app, "/api/jobs", { method: "POST", body: form });
    expect(formRes.status).toBe(201);
    const fromForm = (await formRes.json()) as { id: string };

    const a = await watchJob(app, json.body.id!, (j) => j.status === "succeeded");
    const b = await watchJob(app, fromForm.id, (j) => j.status === "succeeded");
    expect([a.job.options, b.job.options]).toEqual([{ camerafixed: true }, { camerafixed: false }]);
    const sent = (prompt: string) => fake.submissions.find((s) => s.body.prompt === prompt)?.body;
    expect(sent(base.prompt)).toMatchObject({ model: "clip-1", duration_seconds: 4, camerafixed: true });
    expect(sent("a kite over dunes")).toMatchObject({ duration_seconds: 6, camerafixed: false });
  });
});

describe("when the gateway's list changes", () => {
  it("hides a model it stops listing, while its old jobs keep their name", async () => {
    const old = await postJob(app, { model: "gateway:veo-3-1", prompt: "a lighthouse at dusk", durationSeconds: 8 });
    expect(old.status).toBe(201);
    listed.splice(listed.indexOf(VEO), 1);
    await waitFor(async () => !(await ids()).includes("gateway:veo-3-1"), 30_000, () => "veo-3-1 is still offered");

    expect((await getJobJson(app, old.body.id!)).modelLabel).toBe("Veo 3.1");
    const again = await postJob(app, { model: "gateway:veo-3-1", prompt: "a lighthouse at dawn", durationSeconds: 8 });
    expect(again.status).toBe(422);
    expect(again.body.error?.message).toBe("Veo 3.1 is no longer offered by Video gateway (allowedParams). Pick another model.");
  });

  it("keeps the last good copy when the list cannot be used, and says so", async () => {
    // A list whose only model has no durations: the gateway adapter can use none of it.
    listed.splice(0, listed.length, { id: "broken", modality: "video", allowedParams: {} });
    await waitFor(
      async () => !!(await models()).providers.find((p) => p.id === "gateway")?.catalog?.lastError,
      30_000,
      () => "no failed refresh was reported",
    );
    const body = await models();
    expect(body.providers.find((p) => p.id === "gateway")?.catalog?.lastError).toBe("Video gateway (allowedParams) listed no video models Dailies can use");
    expect(body.models.find((m) => m.id === "gateway:clip-1")).toMatchObject({ durations: [4, 6] });
    expect(app.output()).toMatch(/\[catalog\] Video gateway \(allowedParams\): model list refresh failed \(.*\); keeping the last good copy from /);
    expect((await postJob(app, { ...base, prompt: "still offered" })).status).toBe(201);
  });
});
