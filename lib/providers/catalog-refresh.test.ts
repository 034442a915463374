/** The refresh against a real SQLite file, with providers whose lists the tests control. */
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { testDialects, tempDataDir } from "../../e2e/support/test-db";
import { freshPostgresDatabase } from "../../e2e/support/test-postgres";
import { closeDb, openDb, type Db } from "../db/client";
import { getProviderCatalog, listProviderCatalogs } from "../db/queries/provider-catalogs";
import { resetEnvCache } from "../env";
import { mergeCatalog } from "./catalog-merge";
import { discoveredFromRows, refreshCatalogs } from "./catalog-refresh";
import { ProviderError } from "./kit/errors";
import type { ModelSpec, VideoProvider } from "./types";

function spec(provider: string, id: string, over: Partial<ModelSpec> = {}): ModelSpec {
  return {
    id: `${provider}:${id}`,
    provider,
    engine: "ai",
    providerModel: id,
    label: `Built-in ${id}`,
    description: `${id}.`,
    modes: ["text"],
    durations: [5],
    aspectRatios: ["16:9"],
    resolutions: ["720p"],
    fps: [24],
    defaults: { durationSeconds: 5, aspectRatio: "16:9", resolution: "720p", fps: 24 },
    negativePrompt: false,
    seed: false,
    maxPromptLength: 2000,
    pricePerSecondUsd: null,
    priceReadOn: "",
    typicalLatencySeconds: 60,
    ...over,
  };
}

/** A provider whose list is whatever `answer` gives, counting the calls. */
function listingProvider(id: string, builtIn: ModelSpec[], answer: () => Promise<ModelSpec[]>, configured = true) {
  const calls = { count: 0 };
  const unused = () => Promise.reject(new Error("not used by these tests"));
  const provider: VideoProvider = {
    id,
    label: `Provider ${id}`,
    callbacks: "none",
    models: builtIn,
    discover: () => {
      calls.count++;
      return answer();
    },
    isConfigured: () => configured,
    configureHint: `Add ${id.toUpperCase()}_KEY.`,
    submit: unused,
    poll: unused,
    fetchOutput: unused,
  };
  return { provider, calls };
}

const saved = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: tempDataDir("dailies-catalog-"), CATALOG_REFRESH_HOURS: "6" });
  resetEnvCache();
});
afterAll(() => {
  process.env = saved;
  resetEnvCache();
});
afterEach(() => vi.restoreAllMocks());

const offered = (p: VideoProvider, rows: Awaited<ReturnType<typeof listProviderCatalogs>>) => {
  const merged = mergeCatalog(p.models, discoveredFromRows([p], rows).get(p.id) ?? null);
  return merged.models.filter((m) => !merged.hidden.has(m.id));
};

for (const dialect of testDialects()) describe(`refreshCatalogs (${dialect})`, () => {
  // One database, and a second connection to it standing in for another instance.
  let target: string;
  let db: Db;
  beforeAll(async () => {
    target = dialect === "pg" ? await freshPostgresDatabase() : path.join(tempDataDir("dailies-catalog-"), "dailies.db");
    db = await openDb(target);
  });
  afterAll(() => closeDb(db));

  it("stores the provider's list, and the merged catalog offers it with dropped models hidden", async () => {
    const builtIn = [spec("p1", "a", { label: "Model A" }), spec("p1", "b")];
    const { provider } = listingProvider("p1", builtIn, async () => [spec("p1", "a", { label: "a", durations: [4, 6] }), spec("p1", "new")]);
    const [outcome] = await refreshCatalogs(db, { providers: [provider], force: true });
    expect(outcome).toMatchObject({ provider: "p1", result: "refreshed", models: 2 });
    const row = await getProviderCatalog(db, "p1");
    expect(row?.fetchedAt).toBeGreaterThan(0);
    expect((row?.models as ModelSpec[]).map((m) => m.id)).toEqual(["p1:a", "p1:new"]);
    const now = offered(provider, await listProviderCatalogs(db));
    expect(now.map((m) => [m.id, m.label, m.durations])).toEqual([
      ["p1:a", "Model A", [4, 6]],
      ["p1:new", "Built-in new", [5]],
    ]);
  });

  it("remembers a model only the list had once the provider drops it", async () => {
    let list = [spec("p9", "a"), spec("p9", "b", { label: "Listed b" })];
    const { provider } = listingProvider("p9", [], async () => list);
    await refreshCatalogs(db, { providers: [provider], force: true });
    list = [spec("p9", "a")];
    await refreshCatalogs(db, { providers: [provider], force: true });
    const row = await getProviderCatalog(db, "p9");
    expect((row?.retired as ModelSpec[]).map((m) => m.id)).toEqual(["p9:b"]);
    const merged = mergeCatalog([], discoveredFromRows([provider], [row!]).get("p9")!);
    expect(merged.models.find((m) => m.id === "p9:b")?.label).toBe("Listed b");
    expect(offered(provider, [row!]).map((m) => m.id)).toEqual(["p9:a"]);
  });

  it("asks once more after a retryable failure (a reset connection)", async () => {
    let calls = 0;
    const { provider } = listingProvider("p10", [], async () => {
      if (++calls === 1) throw new ProviderError("provider_error", "Could not reach Provider p10.", { retryable: true });
      return [spec("p10", "a")];
    });
    expect((await refreshCatalogs(db, { providers: [provider], force: true }))[0]).toMatchObject({ result: "refreshed", models: 1 });
    expect(calls).toBe(2);
  });

  it("keeps the last good copy when a refresh fails, and says so in one log line", async () => {
    let fail = false;
    const { provider } = listingProvider("p2", [], async () => {
      if (fail) throw new ProviderError("provider_error", "Provider p2 answered 503.", { retryable: true });
      return [spec("p2", "x", { durations: [4, 6] })];
    });
    await refreshCatalogs(db, { providers: [provider], force: true });
    const good = await getProviderCatalog(db, "p2");
    fail = true;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const [outcome] = await refreshCatalogs(db, { providers: [provider], force: true });
    expect(outcome).toMatchObject({ result: "failed", error: "Provider p2 answered 503." });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/Provider p2: model list refresh failed \(Provider p2 answered 503\.\); keeping the last good copy from .* \(1 models\)/);
    const after = await getProviderCatalog(db, "p2");
    expect(after).toMatchObject({ models: good!.models, fetchedAt: good!.fetchedAt, lastError: "Provider p2 answered 503.", refreshingUntil: null });
    expect(offered(provider, await listProviderCatalogs(db)).map((m) => m.durations)).toEqual([[4, 6]]);
  });

  it("treats an empty list and a list that never comes as failures", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const empty = listingProvider("p3", [spec("p3", "a")], async () => []);
    const [a] = await refreshCatalogs(db, { providers: [empty.provider], force: true });
    expect(a).toMatchObject({ result: "failed", error: "Provider p3 listed no video models Dailies can use" });
    expect(offered(empty.provider, await listProviderCatalogs(db)).map((m) => m.id)).toEqual(["p3:a"]);

    let release!: () => void;
    const never = listingProvider("p4", [], () => new Promise<ModelSpec[]>((resolve) => (release = () => resolve([]))));
    const [b] = await refreshCatalogs(db, { providers: [never.provider], force: true, timeoutMs: 100 });
    release();
    expect(b).toMatchObject({ result: "failed", error: "Provider p4 did not send its model list within 100 ms" });
  });

  it("asks only configured providers, and only when their copy is due", async () => {
    const off = listingProvider("p5", [], async () => [spec("p5", "a")], false);
    expect((await refreshCatalogs(db, { providers: [off.provider], force: true }))[0]?.result).toBe("not configured");
    expect(off.calls.count).toBe(0);

    const on = listingProvider("p6", [], async () => [spec("p6", "a")]);
    await refreshCatalogs(db, { providers: [on.provider], force: true });
    const fetchedAt = (await getProviderCatalog(db, "p6"))!.fetchedAt!;
    expect((await refreshCatalogs(db, { providers: [on.provider], now: fetchedAt + 5 * 3_600_000 }))[0]?.result).toBe("not due");
    expect((await refreshCatalogs(db, { providers: [on.provider], now: fetchedAt + 6 * 3_600_000 }))[0]?.result).toBe("refreshed");
    expect(on.calls.count).toBe(2);
  });

  it("lets one instance refresh at a time: a second one sharing the database leaves it to the first", async () => {
    const other = await openDb(target);
    try {
      let answer!: (list: ModelSpec[]) => void;
      const slow = listingProvider("p7", [], () => new Promise<ModelSpec[]>((resolve) => (answer = resolve)));
      const first = refreshCatalogs(db, { providers: [slow.provider], force: true });
      await vi.waitFor(() => expect(slow.calls.count).toBe(1));
      const second = await refreshCatalogs(other, { providers: [slow.provider], force: true });
      expect(second[0]?.result).toBe("claimed elsewhere");
      answer([spec("p7", "a")]);
      expect((await first)[0]?.result).toBe("refreshed");
      expect(slow.calls.count).toBe(1);
      // The second instance reads the copy the first stored.
      expect(offered(slow.provider, await listProviderCatalogs(other)).map((m) => m.id)).toEqual(["p7:a"]);
    } finally {
      await closeDb(other);
    }
  });
});

describe("discoveredFromRows", () => {
  it("keeps the usable entries of a stored copy written by an older version", () => {
    const { provider } = listingProvider("p8", [], async () => []);
    const rows = [{ provider: "p8", models: [spec("p8", "a"), { id: "p8:old", label: "no limits" }], retired: null, fetchedAt: 1, lastError: null, lastErrorAt: null, refreshingUntil: null }];
    expect(discoveredFromRows([provider], rows).get("p8")).toEqual({ listed: [spec("p8", "a")], retired: [] });
  });
});
