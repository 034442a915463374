/** providerSettings(slice): the environment, overlaid by the saved settings, kept fresh across processes. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../../e2e/support/app-server";
import { openSettingsStudio, setEnv, type SettingsStudio } from "../../../e2e/support/settings-studio";
import { closeDb, openDb, type Db } from "../../db/client";
import { deleteProviderSettings, upsertProviderSettings } from "../../db/queries/provider-settings";
import { refreshProviderSettings, startProviderSettings } from "../../provider-settings/cache";
import { sealSetting } from "../../provider-settings/crypto";
import { saveProviderSettings } from "../../provider-settings/manage";
import { providerSettingsView } from "../../provider-settings/view";
import { env } from "../../env";
import { falProvider } from "../fal/adapter";
import { replicateProvider } from "../replicate/adapter";
import { replicateConfig } from "../replicate/config";
import { providerSettings } from "./settings";

const NAMES = ["REPLICATE_API_TOKEN", "REPLICATE_BASE_URL", "REPLICATE_WEBHOOK_SECRET", "FAL_KEY"];
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
});
