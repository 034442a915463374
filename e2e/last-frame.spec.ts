/**
 * "Use last frame": from the viewer, the final frame of a finished video (extracted by the server
 * with ffmpeg) lands in the Start slot of a new generation, and Generate sends it as that job's image.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import sharp from "sharp";
import { ffmpegPath } from "../lib/media/ffmpeg-path";
import { sampleVideo } from "./fixtures/sample-video";
import { getJob } from "./pw/api";
import { Composer } from "./pw/composer";
import { expect, test } from "./pw/fixtures";
import { newCardId } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { posterButton, viewer } from "./pw/viewer";

const run = promisify(execFile);

/** One frame of the seeded sample (2 s at 24 fps: frames 0..47) as raw RGB, decoded by the test's own ffmpeg call. */
async function sampleFrame(n: number): Promise<Buffer> {
  const { stdout } = await run(ffmpegPath(), ["-v", "error", "-i", await sampleVideo(), "-vf", `select=eq(n\\,${n})`, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], {
    encoding: "buffer",
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function meanDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

test("Use last frame puts the video's final frame in the Start slot of a new generation", async ({ page, app, account }) => {
  const source = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a neon city at night, slow dolly in" });
  await page.goto("/gallery");
  await posterButton(page, source.id).click();
  await viewer(page).getByRole("link", { name: "Use last frame" }).click();
  await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("frame") === source.id);

  const composer = new Composer(page);
  const preview = composer.form.locator('img[src^="blob:"]');
  await expect(preview).toBeVisible();
  const attached = Buffer.from(
    await preview.evaluate(async (img: HTMLImageElement) => Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer()))),
  );
  const { data, info } = await sharp(attached).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height], "the frame keeps the video's size").toEqual([320, 180]);
  // The test pattern carries a frame counter: the Start slot matches the last frame, not the first.
  const toLast = meanDifference(data, await sampleFrame(47));
  const toFirst = meanDifference(data, await sampleFrame(0));
  expect(toLast, `mean difference to the last frame ${toLast.toFixed(2)}, to the first ${toFirst.toFixed(2)}`).toBeLessThan(2);
  expect(toFirst).toBeGreaterThan(toLast);

  await expect(composer.prompt).toHaveValue(source.prompt);
  await composer.fill({ model: "local:preview", duration: "2", resolution: "480p" });
  await composer.generateButton.click();
  const id = await newCardId(page, [source.id]);
  const made = await getJob(page.request, id);
  expect(made.imageUrl, "the new generation's job carries the frame as its image").toMatch(/^\/media\/uploads\//);
  expect(made.parentId, "a new generation, not a remix").toBeNull();
});
