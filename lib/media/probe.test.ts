import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePlayable, isBrowserPlayable } from "./ensure-playable";
import { ffmpegPath } from "./ffmpeg-path";
import { makePoster } from "./poster";
import { NotAVideoError, probe, type VideoProbe } from "./probe";
import { runFfmpeg } from "./run-ffmpeg";
import { binaryCases, useBinaries } from "./test-binaries";

let root: string;

beforeAll(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), "dailies-probe-test-"));
});

afterAll(async () => {
  await fsp.rm(root, { recursive: true, force: true });
});

/** A short test pattern clip made with the binary under test. */
async function clip(dir: string, name: string, encode: string[], seconds = 2, size = "320x180"): Promise<string> {
  const file = path.join(dir, name);
  await runFfmpeg(["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", `testsrc=size=${size}:rate=24:duration=${seconds}`, ...encode, file]);
  return file;
}

const H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart"];

describe.each(binaryCases())("media helpers with the $name ffmpeg", (binaries) => {
  let dir: string;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(root, `${binaries.name}-`));
    useBinaries(binaries, dir);
    if (binaries.ffmpeg) expect(ffmpegPath()).toBe(binaries.ffmpeg);
  });

  it("probes an MP4: duration, size, codec, bytes, container, audio", async () => {
    const file = await clip(dir, "a.mp4", H264);
    const info = await probe(file);
    expect(info.durationSeconds).toBeCloseTo(2, 1);
    expect([info.width, info.height]).toEqual([320, 180]);
    expect(info.codec).toBe("h264");
    expect(info.bytes).toBe((await fsp.stat(file)).size);
    expect(info.formatName).toContain("mp4");
    expect(info.hasAudio).toBe(false);
  });

  it("reads a WebM's duration from the container", async () => {
    const file = await clip(dir, "a.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k"], 1);
    const info = await probe(file);
    expect(info.codec).toBe("vp9");
    expect(info.formatName).toContain("webm");
    expect(info.durationSeconds).toBeGreaterThan(0.9);
    expect(info.durationSeconds).toBeLessThan(1.1);
  });

  it("refuses an HTML page saved as .mp4", async () => {
    const file = path.join(dir, "error-page.mp4");
    await fsp.writeFile(file, "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>\n");
    await expect(probe(file)).rejects.toBeInstanceOf(NotAVideoError);
  });

  it("refuses a file with no video stream", async () => {
    const file = path.join(dir, "silence.m4a");
    await runFfmpeg(["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "1", "-c:a", "aac", file]);
    await expect(probe(file)).rejects.toBeInstanceOf(NotAVideoError);
  });

  it("makes a 640-wide WebP poster", async () => {
    const video = await clip(dir, "poster-src.mp4", H264, 2, "1280x720");
    const poster = path.join(dir, "poster.tmp");
    await makePoster(video, poster);
    const meta = await sharp(poster).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(640);
    expect(meta.height).toBe(360);
  });

  it("makes a poster of a clip shorter than a second", async () => {
    const video = await clip(dir, "short.mp4", H264, 0.5, "640x480");
    const poster = path.join(dir, "short.webp");
    await makePoster(video, poster);
    expect((await sharp(poster).metadata()).width).toBe(640);
  });

  it("leaves a browser-playable video alone", async () => {
    const file = await clip(dir, "ok.mp4", H264, 1);
    expect(await ensurePlayable(file, await probe(file), path.join(dir, "unused.mp4"))).toBeNull();
  });

  it("transcodes what a browser cannot play to H.264 yuv420p", async () => {
    const file = await clip(dir, "444.mp4", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p"], 1, "322x182");
    const before = await probe(file);
    expect(isBrowserPlayable(before)).toBe(false);
    const out = path.join(dir, "fixed.mp4");
    const after = await ensurePlayable(file, before, out);
    expect(after).toMatchObject({ codec: "h264", pixelFormat: "yuv420p", width: 322, height: 182 });
    expect(after?.durationSeconds).toBeCloseTo(1, 1);
    expect(await probe(out)).toEqual(after);
  });
});

describe("isBrowserPlayable", () => {
  const base: VideoProbe = { durationSeconds: 5, width: 1280, height: 720, codec: "h264", bytes: 1, formatName: "mp4", hasAudio: false };
  it.each([
    ["h264", true],
    ["vp8", true],
    ["vp9", true],
    ["av1", true],
    ["hevc", false],
    ["prores", false],
    ["mpeg4", false],
  ])("%s -> %s", (codec, playable) => {
    expect(isBrowserPlayable({ ...base, codec })).toBe(playable);
  });
  it("refuses 10-bit H.264", () => {
    expect(isBrowserPlayable({ ...base, pixelFormat: "yuv420p10le" })).toBe(false);
  });
});
