import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "./ffmpeg-path";
import { frameSize } from "./frame-size";
import { probe } from "./probe";
import { renderLocal } from "./render-local";
import { binaryCases, useBinaries } from "./test-binaries";

let root: string;
let landscape: string;
let portrait: string;

beforeAll(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), "dailies-render-test-"));
  landscape = path.join(root, "landscape.png");
  portrait = path.join(root, "portrait.jpg");
  await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toFile(landscape);
  await sharp({ create: { width: 500, height: 1000, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toFile(portrait);
});

afterAll(async () => {
  await fsp.rm(root, { recursive: true, force: true });
});

describe.each(binaryCases())("renderLocal with the $name ffmpeg", (binaries) => {
  let dir: string;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(root, `${binaries.name}-`));
    useBinaries(binaries, dir);
    if (binaries.ffmpeg) expect(ffmpegPath()).toBe(binaries.ffmpeg);
  });

  it("renders a text-only scene at the exact size and duration, reporting growing progress", async () => {
    const { width, height } = frameSize("16:9", "480p");
    const outFile = path.join(dir, "text.mp4");
    const progress: number[] = [];
    await renderLocal({ outFile, durationSeconds: 3, fps: 24, width, height, prompt: "A lighthouse at dusk", seed: 1, onProgress: (f) => progress.push(f) });

    const info = await probe(outFile);
    expect(info.durationSeconds).toBeGreaterThan(2.9);
    expect(info.durationSeconds).toBeLessThan(3.1);
    expect([info.width, info.height]).toEqual([854, 480]);
    expect(info.codec).toBe("h264");
    expect(info.pixelFormat).toBe("yuv420p");
    expect(info.hasAudio).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
    expect(progress.at(-1)).toBeGreaterThanOrEqual(0.95);
    expect(fs.existsSync(`${outFile}.partial`)).toBe(false);
  });

  it.each([
    ["16:9", "a slow dolly in on the harbor", () => landscape],
    ["9:16", "pan left across the city", () => landscape],
    ["9:16", "tilt up the tower", () => portrait],
  ] as const)("moves the camera over an image into %s (%s)", async (aspect, prompt, image) => {
    const { width, height } = frameSize(aspect, "480p");
    const outFile = path.join(dir, `image-${aspect.replace(":", "x")}-${prompt.length}.mp4`);
    await renderLocal({ outFile, durationSeconds: 2, fps: 30, width, height, prompt, imageFile: image(), seed: 2 });

    const info = await probe(outFile);
    expect(Math.abs(info.durationSeconds - 2)).toBeLessThanOrEqual(0.1);
    expect([info.width, info.height]).toEqual([width, height]);
    expect(info.codec).toBe("h264");
  });

  it("draws a prompt with %, quotes, newlines, backslashes and 300 characters", async () => {
    const prompt = `100% "real" it's: {x} \\ %{pts} [a];b,c\n\nsecond line\t${"long prompt words ".repeat(20)}`.slice(0, 300);
    expect(prompt.length).toBe(300);
    const { width, height } = frameSize("9:16", "480p");
    const outFile = path.join(dir, "tricky.mp4");
    await renderLocal({ outFile, durationSeconds: 2, fps: 24, width, height, prompt, seed: 3 });

    const info = await probe(outFile);
    expect([info.width, info.height]).toEqual([480, 854]);
    expect(Math.abs(info.durationSeconds - 2)).toBeLessThanOrEqual(0.1);
  });

  it("cancels: kills ffmpeg, rejects with an AbortError and leaves no output", async () => {
    const { width, height } = frameSize("16:9", "720p");
    const outFile = path.join(dir, "canceled.mp4");
    const controller = new AbortController();
    const render = renderLocal({
      outFile,
      durationSeconds: 10,
      fps: 30,
      width,
      height,
      prompt: "never finished",
      seed: 4,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(render).rejects.toMatchObject({ name: "AbortError" });
    expect(fs.existsSync(outFile)).toBe(false);
    expect(fs.existsSync(`${outFile}.partial`)).toBe(false);
  });

  it("rejects at once when already aborted", async () => {
    const outFile = path.join(dir, "never.mp4");
    const render = renderLocal({ outFile, durationSeconds: 2, fps: 24, width: 320, height: 180, prompt: "x", seed: 5, signal: AbortSignal.abort() });
    await expect(render).rejects.toMatchObject({ name: "AbortError" });
    expect(fs.existsSync(outFile)).toBe(false);
  });
});
