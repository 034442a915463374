/** Keys saved in Settings → Providers: encrypted in a real SQLite file, overlaid under the environment, used by adapters at once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplicateFake, type ReplicateFake } from "../../e2e/fakes/replicate";
import { tempDataDir } from "../../e2e/support/test-db";
import { db } from "../db/client";
import { readSetting } from "../db/queries/instance-settings";
import { resetEnvCache } from "../env";
import { falConfig } from "./fal/config";
import { providerSettings, settingSource } from "./kit/settings";
import { replicateProvider } from "./replicate/adapter";
import { decryptSetting, encryptSetting, refreshSavedSettings, removeProviderSetting, saveProviderSetting, savedHint } from "./saved-settings";
import { providerSettingsView } from "./settings-view";

let fake: ReplicateFake;
const saved = { ...process.env };

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  fake = await startReplicateFake();
  setEnv({ DATA_DIR: tempDataDir("dailies-saved-settings-"), APP_SECRET: "saved-settings-test-secret-long-enough-1", FAL_KEY: undefined, FAL_QUEUE_URL: undefined, REPLICATE_API_TOKEN: undefined, REPLICATE_BASE_URL: fake.baseUrl });
});
afterAll(async () => {
  await fake.close();
  process.env = saved;
  resetEnvCache();
});

describe("saved provider settings", () => {
  it("are sealed with a key from APP_SECRET: unreadable with another secret or when altered", () => {
    const blob = encryptSetting("fal-secret-1234");
    expect(blob).not.toContain("fal-secret");
    expect(decryptSetting(blob)).toBe("fal-secret-1234");
    expect(encryptSetting("fal-secret-1234")).not.toBe(blob);
    const parts = blob.split(".");
    expect(decryptSetting([parts[0], parts[1], `${parts[2]!.slice(0, -2)}AA`, parts[3]].join("."))).toBeNull();
    setEnv({ APP_SECRET: "another-secret-that-is-also-long-enough-22" });
    try {
      expect(decryptSetting(blob)).toBeNull();
    } finally {
      setEnv({ APP_SECRET: "saved-settings-test-secret-long-enough-1" });
    }
  });

  it("fill in what the environment leaves unset, and the environment wins", async () => {
    await saveProviderSetting(await db(), "FAL_KEY", "saved-fal-key-abcd");
    await saveProviderSetting(await db(), "FAL_QUEUE_URL", "not a url");
    expect(await readSetting(await db(), "provider:FAL_KEY")).not.toContain("saved-fal-key");
    expect(providerSettings(falConfig).FAL_KEY).toBe("saved-fal-key-abcd");
    // A saved value that does not parse falls back to the environment's (here the default).
    expect(providerSettings(falConfig).FAL_QUEUE_URL).toBe("https://queue.fal.run");
    expect(settingSource("FAL_KEY")).toBe("saved");

    setEnv({ FAL_KEY: "env-fal-key" });
    try {
      expect(providerSettings(falConfig).FAL_KEY).toBe("env-fal-key");
      expect(settingSource("FAL_KEY")).toBe("environment");
      const fal = providerSettingsView().find((p) => p.id === "fal")!;
      expect(fal.settings.find((s) => s.name === "FAL_KEY")).toEqual({ name: "FAL_KEY", secret: true, source: "environment", shown: null });
    } finally {
      setEnv({ FAL_KEY: undefined });
    }
    const fal = providerSettingsView().find((p) => p.id === "fal")!;
    expect(fal.configured).toBe(true);
    expect(fal.settings.find((s) => s.name === "FAL_KEY")).toMatchObject({ source: "saved", shown: "…abcd" });
    expect(savedHint("FAL_QUEUE_URL", "https://q.example")).toBe("https://q.example");
  });

  it("reach another process's copy through the database, and Remove takes them away", async () => {
    await saveProviderSetting(await db(), "REPLICATE_API_TOKEN", fake.token);
    expect(replicateProvider.isConfigured()).toBe(true);
    await expect(replicateProvider.testConnection!()).resolves.toBeUndefined();

    await removeProviderSetting(await db(), "REPLICATE_API_TOKEN");
    expect(replicateProvider.isConfigured()).toBe(false);
    expect(await readSetting(await db(), "provider:REPLICATE_API_TOKEN")).toBeUndefined();

    // Saved by "another process": only the database knows until this one refreshes.
    const { writeSetting } = await import("../db/queries/instance-settings");
    await writeSetting(await db(), "provider:REPLICATE_API_TOKEN", encryptSetting("r8_wrong"));
    expect(replicateProvider.isConfigured()).toBe(false);
    await refreshSavedSettings(await db());
    expect(replicateProvider.isConfigured()).toBe(true);
    await expect(replicateProvider.testConnection!()).rejects.toMatchObject({ code: "provider_error", message: expect.stringContaining("REPLICATE_API_TOKEN") });
  });
});
