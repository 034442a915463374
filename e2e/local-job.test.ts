/** The local preview, end to end through the real server: create -> progress -> signed webhook -> succeeded. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffprobePath } from "../lib/media/ffmpeg-path";
import { api, getJobJson, isFinished, postJob, watchJob } from "./support/api";
import { isStored, storedFileOnDisk } from "./support/stored-files";
import { startApp, type App } from "./support/app-server";

let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

function probeFile(file: string) {
  const out = execFileSync(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
  const json = JSON.parse(out.toString()) as { format: { duration: string }; streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }> };
  const video = json.streams.find((s) => s.codec_type === "video")!;
  return { duration: Number(json.format.duration), width: video.width, height: video.height, codec: video.codec_name };
}

describe("local preview through the real server", () => {
  it("renders a text prompt, reports by signed webhook, and stores a video of the requested shape", async () => {
    const created = await postJob(app, { model: "local:preview", prompt: "A paper boat drifts across a rainy street, 100% calm", aspectRatio: "9:16", durationSeconds: 10, resolution: "480p" });
    expect(created.status).toBe(201);
    const id = created.body.id!;
    const { job } = await watchJob(app, id, isFinished);
    expect(job.error).toBeNull();
    expect(job.status).toBe("succeeded");
    // As recorded: created, sent to the renderer, finished by its signed webhook, copied by the worker.
    // (Whether "running" came in between depends on which webhook got there first; progress itself is checked in lib/providers/local.)
    const path = job.history.map((h) => [h.to, h.source]);
    expect(path.slice(0, 2)).toEqual([["queued", "user"], ["submitted", "worker"]]);
    expect(path.slice(-2)).toEqual([["saving", "webhook"], ["succeeded", "worker"]]);

    const file = await storedFileOnDisk(app.dataDir, `videos/${id}.mp4`);
    const probed = probeFile(file);
    expect(Math.abs(probed.duration - 10)).toBeLessThanOrEqual(0.1);
    expect([probed.width, probed.height]).toEqual([480, 854].map((n) => n - (n % 2)));
    expect(probed.codec).toBe("h264");
    expect(job.video).toMatchObject({ width: probed.width, height: probed.height, bytes: fs.statSync(file).size, url: `/media/videos/${id}.mp4` });
    expect(job.video!.durationSeconds).toBeCloseTo(10, 1);

    const poster = await api(app, job.video!.posterUrl);
    expect(poster.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await poster.arrayBuffer())).metadata()).width).toBe(640);
  });

  it("animates an uploaded still with the camera move the prompt asks for", async () => {
    const still = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366aa" } })
      .composite([{ input: Buffer.from('<svg width="800" height="600"><circle cx="400" cy="300" r="120" fill="#ffcc00"/></svg>') }])
      .jpeg()
      .toBuffer();
    const created = await postJob(app, { model: "local:preview", prompt: "slow pan left across the scene", aspectRatio: "16:9", durationSeconds: 2, resolution: "480p" }, { bytes: still, name: "still.jpg", type: "image/jpeg" });
    expect(created.status).toBe(201);
    const { job } = await watchJob(app, created.body.id!, isFinished);
    expect(job.status).toBe("succeeded");
    expect(job.imageUrl).toMatch(/^\/media\/uploads\/.+\.jpg$/);
    const probed = probeFile(await storedFileOnDisk(app.dataDir, `videos/${job.id}.mp4`));
    expect([probed.width, probed.height]).toEqual([854, 480]);
    expect(Math.abs(probed.duration - 2)).toBeLessThanOrEqual(0.1);
  });

  it("cancels a render, and refuses to cancel a finished job", async () => {
    const created = await postJob(app, { model: "local:preview", prompt: "a long scene to cancel", durationSeconds: 10, resolution: "1080p" });
    const id = created.body.id!;
    const res = await api(app, `/api/jobs/${id}/cancel`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("canceled");
    const again = await api(app, `/api/jobs/${id}/cancel`, { method: "POST" });
    expect(again.status).toBe(409);
    expect((await getJobJson(app, id)).status).toBe("canceled");
  });

  it("deletes a job together with its files", async () => {
    const created = await postJob(app, { model: "local:preview", prompt: "short lived", durationSeconds: 2, resolution: "480p" });
    const id = created.body.id!;
    await watchJob(app, id, isFinished);
    const keys = [`videos/${id}.mp4`, `posters/${id}.webp`];
    for (const k of keys) expect(await isStored(app.dataDir, k), k).toBe(true);
    expect((await api(app, `/api/jobs/${id}`, { method: "DELETE" })).status).toBe(204);
    for (const k of keys) expect(await isStored(app.dataDir, k), k).toBe(false);
    expect((await api(app, `/api/jobs/${id}`)).status).toBe(404);
    expect((await api(app, `/media/videos/${id}.mp4`)).status).toBe(404);
  });

  it("rejects forged and stale local webhooks", async () => {
    const body = JSON.stringify({ renderId: "lr_x", status: "succeeded", progress: 1 });
    const forged = await fetch(`${app.url}/api/webhooks/local`, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,AAAA" },
      body,
    });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(`${app.url}/api/webhooks/local`, { method: "POST", body });
    expect(unsigned.status).toBe(401);
  });
});
