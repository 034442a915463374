/**
 * Local preview renders outlive the server: killed (SIGKILL) or stopped (SIGTERM) with renders
 * running and waiting, the server restarted on the same DATA_DIR renders every one of them, and
 * nothing the jobs owned is left on disk once they are deleted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { api, as, isFinished, postJob, watchJob, type ApiClient } from "./support/api";
import { startApp, startServer, type App, type Server } from "./support/app-server";
import { filesOnDisk } from "./support/stored-files";

const servers: Array<App | Server> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** One long render that is under way when the server goes, three short ones waiting behind it. */
async function rendersUnderWay(app: App): Promise<string[]> {
  const long = await postJob(app, { model: "local:preview", prompt: "a long pan over a mountain lake", durationSeconds: 10, resolution: "720p" });
  const short = await Promise.all(
    [1, 2, 3].map((i) => postJob(app, { model: "local:preview", prompt: `a short scene ${i}, slow dolly in`, durationSeconds: 2, resolution: "480p" })),
  );
  const ids = [long, ...short].map((c) => {
    expect(c.status).toBe(201);
    return c.body.id!;
  });
  // The studio has recorded the long one as rendering (a fact, not a moment caught by a poller).
  await watchJob(app, ids[0]!, (j) => j.history.some((h) => h.to === "running"), 60_000);
  return ids;
}

async function restart(app: App): Promise<ApiClient> {
  // Same data and settings, a new port (as after a redeploy): renders report to wherever the studio listens now.
  const { PORT: _oldPort, ...env } = app.env;
  const again = await startServer({ dataDir: app.dataDir, env });
  servers.push(again);
  return as(again, app);
}

async function allSucceed(client: ApiClient, ids: string[]) {
  const jobs = [];
  for (const id of ids) jobs.push((await watchJob(client, id, isFinished, 120_000)).job);
  for (const job of jobs) expect({ id: job.id, status: job.status, error: job.error }).toEqual({ id: job.id, status: "succeeded", error: null });
  return jobs;
}

describe("local renders across a restart", () => {
  const env = { LOCAL_RENDER_CONCURRENCY: "1" };

  // Bounds for a busy machine (four renders and two server starts), not waits.
  it("all finish after the server is killed with renders running and waiting", { timeout: 240_000 }, async () => {
    const app = await startApp({ env });
    servers.push(app);
    const ids = await rendersUnderWay(app);
    await app.kill();
    const client = await restart(app);
    const jobs = await allSucceed(client, ids);
    // The long one was rendering when the server died: it went on after the restart and finished.
    expect(jobs[0]!.history.map((h) => h.to)).toEqual(["queued", "submitted", "running", "saving", "succeeded"]);
  });

  it("all finish after a graceful stop (SIGTERM), which hands the renders back and exits", { timeout: 240_000 }, async () => {
    const app = await startApp({ env });
    servers.push(app);
    const ids = await rendersUnderWay(app);
    await app.stop();
    expect(app.child.exitCode ?? app.child.signalCode).not.toBeNull();
    expect(app.output()).toMatch(/handing back local renders/);
    const client = await restart(app);
    await allSucceed(client, ids);

    // Deleting a job removes every file it owned: video, poster, and its render folder.
    for (const id of ids) expect((await api(client, `/api/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    const left = await filesOnDisk(app.dataDir);
    for (const id of ids) expect(left.filter((f) => f.includes(id))).toEqual([]);
    expect(left.filter((f) => f.startsWith("renders/"))).toEqual([]);
  });
});

describe("a failed local render", () => {
  it("leaves nothing of its job on disk once deleted", async () => {
    const app = await startApp({ env: { JOB_DEADLINE_SECONDS: "2" } });
    servers.push(app);
    const sharp = (await import("sharp")).default;
    const still = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#225588" } }).jpeg().toBuffer();
    // A render longer than the job's deadline: the job fails (timeout) with the render's folder written.
    const created = await postJob(app, { model: "local:preview", prompt: "a slow tilt up", durationSeconds: 10, resolution: "1080p" }, { bytes: still, name: "still.jpg", type: "image/jpeg" });
    const id = created.body.id!;
    const { job } = await watchJob(app, id, isFinished, 60_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "timeout" } });
    expect(await filesOnDisk(app.dataDir, "uploads")).toContain(job.imageUrl!.replace("/media/uploads/", ""));

    expect((await api(app, `/api/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    const left = await filesOnDisk(app.dataDir);
    expect(left.filter((f) => f.startsWith("renders/") || f.includes(id))).toEqual([]);
  });
});
