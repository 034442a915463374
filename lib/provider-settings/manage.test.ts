/** Settings → Providers verbs: only the owner, checked by the slice, all or nothing, and a plain test result. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFalFake, type FalFake } from "../../e2e/fakes/fal";
import { startReplicateFake, type ReplicateFake } from "../../e2e/fakes/replicate";
import { openSettingsStudio, setEnv, type SettingsStudio } from "../../e2e/support/settings-studio";
import { listSavedProviderSettings } from "../db/queries/provider-settings";
import { providerSettings } from "../providers/kit/settings";
import { replicateConfig } from "../providers/replicate/config";
import { NOT_OWNER, readProviderSettings, removeProviderSetting, saveProviderSettings, testProviderConnection } from "./manage";

const NAMES = ["REPLICATE_API_TOKEN", "REPLICATE_BASE_URL", "REPLICATE_WEBHOOK_SECRET", "FAL_KEY", "FAL_QUEUE_URL", "FAL_REST_URL", "FAL_JWKS_URL", "PROVIDER_TIMEOUT_SECONDS"];

let replicate: ReplicateFake;
let fal: FalFake;
let studio: SettingsStudio;

beforeAll(async () => {
  [replicate, fal] = await Promise.all([startReplicateFake(), startFalFake()]);
});
afterAll(async () => {
  await Promise.all([replicate?.close(), fal?.close()]);
});
beforeEach(async () => {
  setEnv(Object.fromEntries(NAMES.map((n) => [n, undefined])));
  setEnv({ PROVIDER_TIMEOUT_SECONDS: "5" });
  studio = await openSettingsStudio();
});
afterEach(() => studio.close());

const rows = () => listSavedProviderSettings(studio.db);

describe("who may change provider settings", () => {
  it("refuses a member and a signed-out visitor every verb, and saves nothing", async () => {
    const values = { REPLICATE_API_TOKEN: replicate.token };
    for (const who of [studio.member, null]) {
      const code = who ? "forbidden" : "unauthorized";
      const results = [
        await saveProviderSettings(studio.db, who, "replicate", values),
        await removeProviderSetting(studio.db, who, "replicate", "REPLICATE_API_TOKEN"),
        await testProviderConnection(studio.db, who, "replicate"),
        await readProviderSettings(studio.db, who),
      ];
      for (const r of results) expect(r).toMatchObject({ ok: false, error: { code } });
      if (who) expect(results[0]).toMatchObject({ error: { message: NOT_OWNER } });
    }
    expect(await rows()).toEqual([]);
  });

  it("lets the owner save, read back only the last four characters, and remove", async () => {
    const saved = await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl });
    expect(saved.ok).toBe(true);
    const [stored] = await rows();
    expect(stored?.sealed).not.toContain(replicate.token);

    const read = await readProviderSettings(studio.db, studio.owner);
    const view = read.ok ? read.value.find((p) => p.id === "replicate") : undefined;
    expect(view?.configured).toBe(true);
    expect(view?.fields.find((f) => f.name === "REPLICATE_API_TOKEN")).toMatchObject({ source: "saved", secret: true, shown: `…${replicate.token.slice(-4)}` });
    expect(view?.fields.find((f) => f.name === "REPLICATE_BASE_URL")).toMatchObject({ source: "saved", secret: false, shown: replicate.baseUrl });
    expect(JSON.stringify(read)).not.toContain(replicate.token);

    const removed = await removeProviderSetting(studio.db, studio.owner, "replicate", "REPLICATE_API_TOKEN");
    expect(removed).toMatchObject({ ok: true, value: { configured: false } });
    expect((await rows()).map((r) => r.name)).toEqual(["REPLICATE_BASE_URL"]);
  });
});

describe("what may be saved", () => {
  it("refuses a bad base URL with a field sentence and saves nothing, not even the good key beside it", async () => {
    const result = await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: "ftp://example.com" });
    expect(result).toMatchObject({ ok: false, error: { code: "validation", message: "REPLICATE_BASE_URL must be an http(s) URL.", fields: { REPLICATE_BASE_URL: "REPLICATE_BASE_URL must be an http(s) URL." } } });
    expect(await rows()).toEqual([]);
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBeUndefined();
  });

  it("refuses a setting the environment sets, a name outside the slice, and an empty form", async () => {
    setEnv({ REPLICATE_BASE_URL: replicate.baseUrl });
    const envSet = await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_BASE_URL: "https://elsewhere.example/v1" });
    expect(envSet).toMatchObject({ ok: false, error: { fields: { REPLICATE_BASE_URL: expect.stringMatching(/set by the server's environment/) } } });
    const stranger = await saveProviderSettings(studio.db, studio.owner, "replicate", { FAL_KEY: "k" });
    expect(stranger).toMatchObject({ ok: false, error: { fields: { FAL_KEY: "Replicate has no setting called FAL_KEY." } } });
    expect(await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: "   " })).toMatchObject({ ok: false, error: { message: "Enter a value to save." } });
    expect(await saveProviderSettings(studio.db, studio.owner, "nope", {})).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await rows()).toEqual([]);
  });

  it("leaves a saved secret alone when the form sends it blank", async () => {
    await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: replicate.token });
    await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: "", REPLICATE_BASE_URL: replicate.baseUrl });
    expect(providerSettings(replicateConfig)).toMatchObject({ REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl });
  });
});

describe("Test connection", () => {
  const test = () => testProviderConnection(studio.db, studio.owner, "replicate");

  it("says Connected with the saved key, and what failed otherwise", async () => {
    expect(await test()).toEqual({ ok: true, value: { connected: false, message: "Replicate is not configured. Add REPLICATE_API_TOKEN to enable Replicate models." } });

    await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: replicate.token, REPLICATE_BASE_URL: replicate.baseUrl });
    expect(await test()).toEqual({ ok: true, value: { connected: true, message: "Connected" } });

    await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: "r8_not_the_right_key_000" });
    expect(await test()).toEqual({ ok: true, value: { connected: false, message: "Replicate rejected the API key: check REPLICATE_API_TOKEN." } });

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_BASE_URL: `http://127.0.0.1:${port}/v1` });
    expect(await test()).toEqual({ ok: true, value: { connected: false, message: "Could not reach Replicate." } });
  });

  it("tests fal with its cheapest authenticated call", async () => {
    const falTest = () => testProviderConnection(studio.db, studio.owner, "fal");
    await saveProviderSettings(studio.db, studio.owner, "fal", { FAL_KEY: fal.key, FAL_REST_URL: fal.restUrl });
    expect(await falTest()).toEqual({ ok: true, value: { connected: true, message: "Connected" } });
    expect(fal.requests.some((r) => r.method === "POST" && r.path.startsWith("/rest/storage/upload/initiate"))).toBe(true);
    await saveProviderSettings(studio.db, studio.owner, "fal", { FAL_KEY: "wrong-key-0000000000" });
    expect(await falTest()).toMatchObject({ ok: true, value: { connected: false, message: expect.stringMatching(/fal rejected the API key: check FAL_KEY/) } });
  });
});
