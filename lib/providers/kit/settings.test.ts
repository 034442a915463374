/** providerSettings(slice): the environment, overlaid by the saved settings, kept fresh across processes. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../../e2e/support/app-server";
import { openSettingsStudio, setEnv, type SettingsStudio } from "../../../e2e/support/settings-studio";
import { closeDb, openDb, type Db } from "../../db/client";
import { deleteProviderSettings, upsertProviderSettings } from "../../db/queries/provider-settings";
import { refreshProviderSettings, startProviderSettings } from "../../provider-settings/cache";
import { sealSetting } from "../../provider-settings/crypto";
import { removeProviderSetting, saveProviderSettings } from "../../provider-settings/manage";
import { editableProviders, providerSettingsView } from "../../provider-settings/view";
import { env } from "../../env";
import { falProvider } from "../fal/adapter";
import { replicateProvider } from "../replicate/adapter";
import { replicateConfig } from "../replicate/config";
import { providerSettings } from "./settings";

/** What each provider needs to count as configured. A provider missing here fails the test until it is added. */
const KEYS: Record<string, Record<string, string>> = {
  replicate: { REPLICATE_API_TOKEN: "r8_key_for_overlay_test" },
  fal: { FAL_KEY: "fal_key_for_overlay_test" },
  gateway: { GATEWAY_API_KEY: "gw_key_for_overlay_test", GATEWAY_BASE_URL: "http://127.0.0.1:9" },
  skytells: { SKYTELLS_API_KEY: "sk_key_for_overlay_test" },
  modelslab: { MODELSLAB_API_KEY: "ml_key_for_overlay_test" },
  aiml: { AIML_API_KEY: "aiml_key_for_overlay_test" },
  visgate: { VISGATE_API_KEY: "vg_key_for_overlay_test" },
};
const NAMES = ["REPLICATE_API_TOKEN", "REPLICATE_BASE_URL", "REPLICATE_WEBHOOK_SECRET", ...Object.values(KEYS).flatMap((k) => Object.keys(k))];
const TOKEN = "r8_saved_0123456789abcdef";

let studio: SettingsStudio;
/** A second connection to the same file: another web server or `npm run worker`. */
let other: Db;

/** What another process would do: seal and write a row, bumping the version, without touching our cache. */
function writeFromElsewhere(name: string, value: string, secret = env().APP_SECRET): Promise<void> {
  return upsertProviderSettings(other, "replicate", [{ name, sealed: sealSetting(secret, { provider: "replicate", name }, value) }], null, Date.now());
}

beforeEach(async () => {
  setEnv(Object.fromEntries(NAMES.map((n) => [n, undefined])));
  studio = await openSettingsStudio();
  other = await openDb(studio.file);
});
afterEach(async () => {
  await closeDb(other);
  await studio.close();
});

describe("providerSettings overlay", () => {
  it("is the environment and the slice's defaults when nothing is saved", () => {
    expect(providerSettings(replicateConfig)).toEqual({
      REPLICATE_API_TOKEN: undefined,
      REPLICATE_BASE_URL: "https://api.replicate.com/v1",
      REPLICATE_WEBHOOK_SECRET: undefined,
    });
    expect(replicateProvider.isConfigured()).toBe(false);
  });

  it("uses a saved value, parsed by the slice, and isConfigured follows it", async () => {
    const saved = await saveProviderSettings(studio.db, studio.owner, "replicate", { REPLICATE_API_TOKEN: ` ${TOKEN} `, REPLICATE_BASE_URL: "http://127.0.0.1:9/v1///" });
    expect(saved.ok).toBe(true);
    expect(providerSettings(replicateConfig)).toMatchObject({ REPLICATE_API_TOKEN: TOKEN, REPLICATE_BASE_URL: "http://127.0.0.1:9/v1" });
    expect(replicateProvider.isConfigured()).toBe(true);
    expect(falProvider.isConfigured()).toBe(false);
  });

  it("lets a variable set in the environment win over a saved one", async () => {
    await writeFromElsewhere("REPLICATE_API_TOKEN", TOKEN);
    await refreshProviderSettings(studio.db);
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBe(TOKEN);

    setEnv({ REPLICATE_API_TOKEN: "r8_from_the_environment_1234" });
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBe("r8_from_the_environment_1234");
    const field = providerSettingsView(replicateProvider).fields.find((f) => f.name === "REPLICATE_API_TOKEN");
    expect(field).toMatchObject({ source: "env", shown: null, savedButOverridden: true });

    // An empty variable is not set: the saved value applies again.
    setEnv({ REPLICATE_API_TOKEN: "" });
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBe(TOKEN);
  });

  it("picks up another process's save and removal when the version changes", async () => {
    await refreshProviderSettings(studio.db, { force: true });
    await writeFromElsewhere("REPLICATE_API_TOKEN", TOKEN);
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBeUndefined(); // not yet checked

    expect(await refreshProviderSettings(studio.db)).toBe(true);
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBe(TOKEN);
    expect(await refreshProviderSettings(studio.db)).toBe(false); // nothing changed: one small read, no reload

    await deleteProviderSettings(other, "replicate", ["REPLICATE_API_TOKEN"]);
    expect(await refreshProviderSettings(studio.db)).toBe(true);
    expect(replicateProvider.isConfigured()).toBe(false);
  });

  it("keeps itself fresh on a timer once started", async () => {
    await startProviderSettings(studio.db, 50);
    await writeFromElsewhere("REPLICATE_API_TOKEN", TOKEN);
    await waitFor(() => replicateProvider.isConfigured(), 5_000, () => "the timer never reloaded the saved settings");
    expect(providerSettings(replicateConfig).REPLICATE_API_TOKEN).toBe(TOKEN);
  });

  it("treats a value saved under another APP_SECRET as not saved, and says so", async () => {
    await writeFromElsewhere("REPLICATE_API_TOKEN", TOKEN, "another-secret-entirely-0123456789abcdef");
    await refreshProviderSettings(studio.db);
    expect(replicateProvider.isConfigured()).toBe(false);
    const field = providerSettingsView(replicateProvider).fields.find((f) => f.name === "REPLICATE_API_TOKEN");
    expect(field).toMatchObject({ source: "unreadable", shown: null });
  });

  it("drives isConfigured() of every provider that needs a key", async () => {
    const keyed = editableProviders().filter((p) => p.id !== "local");
    expect(keyed.map((p) => p.id).sort()).toEqual(Object.keys(KEYS).sort());
    for (const p of keyed) {
      expect(p.isConfigured(), p.id).toBe(false);
      expect(await saveProviderSettings(studio.db, studio.owner, p.id, KEYS[p.id])).toMatchObject({ ok: true, value: { configured: true } });
      expect(p.isConfigured(), p.id).toBe(true);
      const first = Object.keys(KEYS[p.id]!)[0]!;
      await removeProviderSetting(studio.db, studio.owner, p.id, first);
      expect(p.isConfigured(), p.id).toBe(false);
    }
  });
});
