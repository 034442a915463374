/**
 * GET /api/jobs/events through the real server: a local-preview job's changes arrive as events up
 * to `succeeded`, a reconnect with Last-Event-ID gets only what came after, nobody else hears of
 * it, streams are capped per person and freed on disconnect, and with the worker in its own
 * process (WORKER=off) the events still arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, as, getJobWithoutHistory, postJob } from "./support/api";
import { startApp, startWorkerProcess, waitFor, type App } from "./support/app-server";
import { isReady, jobReached, markOf, openEventStream, type EventStream } from "./support/event-stream";
import { seedUser, type SeededUser } from "./support/seed-user";

const SHORT_JOB = { model: "local:preview", durationSeconds: 2, resolution: "480p", aspectRatio: "16:9" };

const streams: EventStream[] = [];
async function open(...args: Parameters<typeof openEventStream>): Promise<EventStream> {
  const s = await openEventStream(...args);
  streams.push(s);
  return s;
}

function closeAll() {
  for (const s of streams.splice(0)) s.close();
}

async function createJob(client: Parameters<typeof postJob>[0], prompt: string): Promise<string> {
  const created = await postJob(client, { ...SHORT_JOB, prompt });
  expect(created.status).toBe(201);
  return created.body.id!;
}

describe("live job events, worker inside the web server", () => {
  let app: App;
  let stranger: SeededUser;

  beforeAll(async () => {
    app = await startApp();
    stranger = await seedUser(app.dataDir, { name: "Stranger" });
  });
  afterAll(async () => {
    closeAll();
    await app?.stop();
  });

  it("refuses a stream to nobody", async () => {
    const res = await fetch(`${app.url}/api/jobs/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Sign in/);
  });

  it("pushes a job's changes up to succeeded, resumes after Last-Event-ID, and tells no one else", { timeout: 200_000 }, async () => {
    const mine = await open(app);
    const theirs = await open(as(app, stranger));
    expect(mine.status).toBe(200);
    await Promise.all([mine.until(isReady), theirs.until(isReady)]);

    const id = await createJob(app, "a lantern drifting over a dark lake");
    await mine.until(jobReached(id, "succeeded"), 90_000, `job ${id} succeeded`);

    const received = mine.jobs().filter((e) => e.job.id === id);
    const final = received.at(-1)!;
    // The event carries exactly what GET /api/jobs/:id answers.
    expect(final.job).toEqual(await getJobWithoutHistory(app, id));
    expect(final.job.video?.url).toBe(`/media/videos/${id}.mp4`);
    const marks = received.map((e) => markOf(e.id));
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    const stamps = received.map((e) => Date.parse(e.job.updatedAt));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);

    // A stranger's job, seen on the stranger's stream, shows that stream was reading all along.
    const strangers = await createJob(as(app, stranger), "someone else's harbour");
    await theirs.until(jobReached(strangers, "queued"), 30_000, "the stranger's own job");
    expect(theirs.jobs().map((e) => e.job.id)).not.toContain(id);

    // Reconnect from the last event: nothing of the finished job again, only what happens next.
    const lastId = mine.events.filter((e) => e.id).at(-1)!.id!;
    mine.close();
    const resumed = await open(app, { lastEventId: lastId });
    await resumed.until(isReady);
    const next = await createJob(app, "a second lantern");
    await resumed.until(jobReached(next, "succeeded"), 90_000, `job ${next} succeeded`);
    expect(new Set(resumed.jobs().map((e) => e.job.id))).toEqual(new Set([next]));
    expect(markOf(resumed.jobs()[0]!.id)).toBeGreaterThanOrEqual(markOf(lastId));
    expect(theirs.jobs().map((e) => e.job.id)).not.toContain(next);
  });

  it("holds five streams per person and frees one when its client goes away", async () => {
    closeAll();
    const person = await seedUser(app.dataDir, { name: "Many tabs" });
    const five = await Promise.all(Array.from({ length: 5 }, () => open(as(app, person))));
    await Promise.all(five.map((s) => s.until(isReady)));
    const sixth = await openEventStream(as(app, person));
    expect(sixth.status).toBe(429);
    five[0]!.close();
    // The server notices the disconnect on its own time: ask again until the slot is free (bounded).
    let again: EventStream | null = null;
    await waitFor(async () => {
      again?.close();
      again = await open(as(app, person));
      return again.status === 200;
    }, 15_000, () => "a stream after one was closed");
    await again!.until(isReady);
    // Someone else is never held back by this person's streams.
    expect((await open(as(app, stranger))).status).toBe(200);
  });

  it("answers a malformed query with a sentence", async () => {
    const res = await api(app, "/api/jobs/events?since=yesterday");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("since must be a time in epoch milliseconds.");
  });
});

describe("live job events, worker in its own process (WORKER=off)", () => {
  let app: App;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

  beforeAll(async () => {
    app = await startApp({ env: { WORKER: "off" } });
    worker = await startWorkerProcess(app);
  });
  afterAll(async () => {
    closeAll();
    await worker?.stop();
    await app?.stop();
  });

  it("still pushes the worker's changes to the web server's stream", { timeout: 120_000 }, async () => {
    const stream = await open(app);
    await stream.until(isReady);
    const id = await createJob(app, "a kite over dunes, pan left");
    await stream.until(jobReached(id, "succeeded"), 90_000, `job ${id} succeeded`);
    const final = stream.jobs().filter((e) => e.job.id === id).at(-1)!;
    expect(final.job).toEqual(await getJobWithoutHistory(app, id));
  });
});
