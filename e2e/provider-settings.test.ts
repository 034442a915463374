/**
 * Settings → Providers end to end: the real server with its worker as a separate process
 * (`npm run worker`), a loopback Replicate, and a key saved through the JSON API. The job that
 * follows succeeds with no restart of either process; Remove makes Replicate unconfigured again,
 * and a job still in flight fails its next poll with a sentence that names the setting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { api, as, isFinished, postJob, watchJob, type ApiClient } from "./support/api";
import { startApp, startWorkerProcess, type App } from "./support/app-server";
import { seedUser } from "./support/seed-user";

const MODEL = "replicate:google/veo-3.1-fast";
let fake: ReplicateFake;
let app: App;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let member: ApiClient;

interface FieldJson {
  name: string;
  source: string;
  shown: string | null;
}
interface ProviderJson {
  id: string;
  configured: boolean;
  fields: FieldJson[];
}

const json = (body: unknown) => ({ method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const saveToken = (who: ApiClient, token: string) => api(who, "/api/settings/providers/replicate", json({ values: { REPLICATE_API_TOKEN: token } }));

async function replicateView(who: ApiClient = app): Promise<ProviderJson> {
  const res = await api(who, "/api/settings/providers");
  expect(res.status).toBe(200);
  const { providers } = (await res.json()) as { providers: ProviderJson[] };
  return providers.find((p) => p.id === "replicate")!;
}

const create = (prompt: string) => postJob(app, { model: MODEL, prompt, aspectRatio: "16:9", durationSeconds: 8 });

beforeAll(async () => {
  fake = await startReplicateFake({ timings: { startingMs: 200, processingMs: 600 } });
  // The base URL comes from the environment (it wins, read-only); the key only from Settings.
  app = await startApp({ env: { REPLICATE_BASE_URL: fake.baseUrl, WORKER: "off" } });
  worker = await startWorkerProcess(app);
  member = as(app, await seedUser(app.dataDir, { name: "Member" }));
});
afterAll(async () => {
  await worker?.stop();
  await app?.stop();
  await fake?.close();
});

describe("Settings → Providers", () => {
  it("is the owner's alone", async () => {
    expect((await api(member, "/api/settings/providers")).status).toBe(403);
    const refused = await saveToken(member, fake.token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("Only the owner of this studio can change provider settings.");
    expect((await api(member, "/api/settings/providers/replicate/test", { method: "POST" })).status).toBe(403);
    expect((await api(as(app, null), "/api/settings/providers")).status).toBe(401);
    expect((await replicateView()).configured).toBe(false);
  });

  it("shows a variable from the environment as set by the server, and will not save over it", async () => {
    const view = await replicateView();
    expect(view.fields.find((f) => f.name === "REPLICATE_BASE_URL")).toMatchObject({ source: "env", shown: fake.baseUrl });
    const res = await api(app, "/api/settings/providers/replicate", json({ values: { REPLICATE_BASE_URL: "https://elsewhere.example/v1" } }));
    expect(res.status).toBe(422);
  });

  it("saves a key that the next job uses with no restart, then Remove makes the provider unconfigured", async () => {
    const before = await create("a kite over a beach, before the key");
    expect(before.status).toBe(422);
    expect(before.body.error?.message).toMatch(/REPLICATE_API_TOKEN/);

    const saved = await saveToken(app, fake.token);
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain(fake.token);
    expect((JSON.parse(text) as ProviderJson).fields.find((f) => f.name === "REPLICATE_API_TOKEN")).toMatchObject({ source: "saved", shown: `…${fake.token.slice(-4)}` });

    const test = await api(app, "/api/settings/providers/replicate/test", { method: "POST" });
    expect(await test.json()).toEqual({ connected: true, message: "Connected" });

    // The worker is another process: it learns of the key from the database's version token.
    const prompt = "a kite over a beach, with the saved key";
    const created = await create(prompt);
    expect(created.status).toBe(201);
    const { job } = await watchJob(app, created.body.id!, isFinished, 60_000);
    expect(job.status).toBe("succeeded");
    expect(fake.submissions.find((s) => s.input.prompt === prompt)?.headers.authorization).toBe(`Bearer ${fake.token}`);

    // A job still at Replicate when the key is removed.
    const slow = await create("[fake:slow] a long take of a glacier");
    expect(slow.status).toBe(201);
    // Waits on the recorded history, not on a poller catching the job between two states.
    await watchJob(app, slow.body.id!, (j) => j.history.some((h) => h.to === "submitted"), 30_000);

    const removed = await api(app, "/api/settings/providers/replicate?name=REPLICATE_API_TOKEN", { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as ProviderJson).configured).toBe(false);
    expect((await replicateView()).configured).toBe(false);
    expect((await create("a kite over a beach, after Remove")).status).toBe(422);

    const { job: inFlight } = await watchJob(app, slow.body.id!, isFinished, 60_000);
    expect(inFlight).toMatchObject({ status: "failed", error: { message: "Replicate is not configured: add REPLICATE_API_TOKEN." } });
  });
});
