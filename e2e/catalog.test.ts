/**
 * Catalogs from the providers themselves, in process: the allowedParams gateway's fake lists its
 * models over real HTTP, the list is stored in a real SQLite file and merged into the catalog the
 * composer, the server's schema and GET /api/models all read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as modelsRoute } from "../app/api/models/route";
import { createApiToken } from "../lib/auth/api-tokens";
import { db } from "../lib/db/client";
import { resetEnvCache } from "../lib/env";
import { createJob } from "../lib/jobs/create-job";
import { modelCatalog } from "../lib/providers/catalog";
import { loadStoredCatalogs, refreshDueCatalogs } from "../lib/providers/discovered-catalog";
import { getModel, setDiscoveredModels } from "../lib/providers/registry";
import { startGatewayFake, type GatewayFake, type GatewayFakeModel } from "./fakes/gateway";
import { DEFAULT_GATEWAY_MODELS } from "./fakes/gateway-models";
import { insertUser, tempDataDir } from "./support/test-db";

const models: GatewayFakeModel[] = DEFAULT_GATEWAY_MODELS.map((m) => ({ ...m }));
let fake: GatewayFake;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startGatewayFake({ models });
  Object.assign(process.env, fake.env, { DATA_DIR: tempDataDir("dailies-catalog-"), APP_SECRET: "catalog-test-secret-that-is-long-enough" });
  resetEnvCache();
  await refreshDueCatalogs(await db(), { force: true });
});
afterAll(async () => {
  await fake.close();
  process.env = saved;
  resetEnvCache();
});

const offered = () => modelCatalog().find((g) => g.id === "gateway")!.models.map((m) => m.id);

describe("a provider's own model list", () => {
  it("is what the composer offers and what the server accepts: durations [4, 6] mean 4 s and 6 s only", async () => {
    expect(offered()).toEqual(expect.arrayContaining(["gateway:wan-2-1", "gateway:veo-3-1"]));
    expect(offered()).not.toContain("gateway:imagen-4");
    const wan = modelCatalog().find((g) => g.id === "gateway")!.models.find((m) => m.id === "gateway:wan-2-1")!;
    expect(wan.durations).toEqual([4, 6]);

    const tampered = await createJob(await db(), { fields: { model: "gateway:wan-2-1", prompt: "a harbour at dawn", durationSeconds: 8 }, image: null, userId: "u1" });
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) {
      expect(tampered.error.code).toBe("validation");
      expect(tampered.error.fields?.durationSeconds).toMatch(/4 s or 6 s/);
    }
    const fine = await createJob(await db(), { fields: { model: "gateway:wan-2-1", prompt: "a harbour at dawn", durationSeconds: 6 }, image: null, userId: "u1" });
    expect(fine.ok).toBe(true);
  });

  it("survives in the database: a fresh process loads the last good copy", async () => {
    setDiscoveredModels("gateway", null);
    expect(getModel("gateway:wan-2-1")).toBeUndefined();
    await loadStoredCatalogs(await db());
    expect(getModel("gateway:wan-2-1")?.durations).toEqual([4, 6]);
  });

  it("keeps the last good copy when a refresh fails, and says so in the log", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const env = { ...fake.env };
    process.env.GATEWAY_BASE_URL = "http://127.0.0.1:1";
    resetEnvCache();
    try {
      await refreshDueCatalogs(await db(), { force: true });
      expect(warn.mock.calls.some(([line]) => /refreshing the model list of .* failed; keeping the last good copy/.test(String(line)))).toBe(true);
    } finally {
      Object.assign(process.env, env);
      resetEnvCache();
      warn.mockRestore();
    }
    expect(offered()).toContain("gateway:wan-2-1");
  });

  it("hides a model the provider no longer lists, for new jobs only", async () => {
    const i = models.findIndex((m) => m.id === "grok-video");
    const [gone] = models.splice(i, 1);
    try {
      await refreshDueCatalogs(await db(), { force: true });
      expect(offered()).not.toContain("gateway:grok-video");
      // Jobs made with it can still be followed.
      expect(getModel("gateway:grok-video")?.durations).toEqual([6]);
      const refused = await createJob(await db(), { fields: { model: "gateway:grok-video", prompt: "p", durationSeconds: 6 }, image: null, userId: "u1" });
      expect(refused).toMatchObject({ ok: false, error: { code: "validation", message: expect.stringMatching(/no longer offered/) } });
    } finally {
      models.splice(i, 0, gone!);
      await refreshDueCatalogs(await db(), { force: true });
    }
    expect(offered()).toContain("gateway:grok-video");
  });

  it("GET /api/models returns the merged catalog, with what is available now and why not", async () => {
    const { id } = await insertUser(await db());
    const { token } = await createApiToken(await db(), id, "script");
    expect((await modelsRoute(new Request("http://studio.test/api/models"))).status).toBe(401);
    const res = await modelsRoute(new Request("http://studio.test/api/models", { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    const { models: list } = (await res.json()) as { models: Array<Record<string, unknown>> };
    expect(list.find((m) => m.id === "gateway:wan-2-1")).toMatchObject({ provider: "gateway", durations: [4, 6], available: true, unavailableReason: null });
    expect(list.find((m) => m.id === "replicate:google/veo-3.1-fast")).toMatchObject({ available: false, unavailableReason: expect.stringMatching(/REPLICATE_API_TOKEN/) });
    expect(list.find((m) => m.id === "local:preview")).toMatchObject({ engine: "preview", available: true, pricePerSecondUsd: 0 });
  });
});
