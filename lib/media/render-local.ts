import "server-only";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cameraMoveFilter, cameraMoveFromPrompt } from "./camera-move";
import { captionFont } from "./caption-font";
import { wrapCaption } from "./caption-text";
import { CAPTION_FILE, PALETTE_FILE, captionLayout, sceneFilter, scenePalette } from "./local-scene";
import { abortError, runFfmpeg } from "./run-ffmpeg";

export interface RenderLocalOptions {
  outFile: string;
  durationSeconds: number;
  fps: number;
  width: number;
  height: number;
  prompt: string;
  /** A still to move the camera over; without one, a procedural scene with the prompt as caption. */
  imageFile?: string;
  seed: number;
  signal?: AbortSignal;
  /** A growing fraction 0..1, from ffmpeg's own progress output. */
  onProgress?: (fraction: number) => void;
}

/**
 * Renders a real H.264 MP4 with ffmpeg, no AI: a camera move over the image, or a procedural
 * scene seeded by the prompt. Writes to a temp name and renames, so outFile is only ever
 * complete. Abort kills ffmpeg and rejects with an AbortError, leaving no output behind.
 */
export async function renderLocal(opts: RenderLocalOptions): Promise<void> {
  const { durationSeconds, fps, width, height, signal } = opts;
  check(Number.isInteger(width) && Number.isInteger(height) && width >= 16 && height >= 16, `Bad frame size ${width}x${height}.`);
  check(width % 2 === 0 && height % 2 === 0, `Frame size ${width}x${height} must be even for yuv420p.`);
  check(width * height <= 4096 * 4096, "Frame size too large.");
  check(fps > 0 && fps <= 120, `Bad frame rate ${fps}.`);
  check(durationSeconds > 0 && durationSeconds <= 600, `Bad duration ${durationSeconds}.`);
  if (signal?.aborted) throw abortError(signal.reason);

  const outFile = path.resolve(opts.outFile);
  const partial = `${outFile}.partial`;
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "dailies-render-"));
  const frames = Math.max(1, Math.round(durationSeconds * fps));
  try {
    const input = opts.imageFile
      ? imageInput(path.resolve(opts.imageFile), opts.prompt, width, height, fps, frames)
      : await sceneInput(work, opts.prompt, opts.seed, width, height, fps);
    const args = [
      "-v", "error", "-nostdin", "-y", "-progress", "pipe:1", "-nostats",
      ...input.args,
      "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
      "-filter_complex", input.filter,
      "-map", "[v]", "-map", "1:a",
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-r", String(fps),
      // A silent track: some players and share previews expect audio.
      "-c:a", "aac", "-b:a", "32k",
      "-t", durationSeconds.toFixed(3),
      "-movflags", "+faststart", "-f", "mp4", partial,
    ];
    // Several times the measured cost, scaled by pixels: only a stuck ffmpeg hits it.
    const timeoutMs = Math.max(60_000, durationSeconds * 10_000 * Math.max(1, (width * height) / (1280 * 720)));
    await runFfmpeg(args, { cwd: work, signal, durationSeconds, onProgress: opts.onProgress, timeoutMs });
    if (signal?.aborted) throw abortError(signal.reason);
    await fsp.rename(partial, outFile);
  } catch (err) {
    await fsp.rm(partial, { force: true });
    throw err;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

function imageInput(imageFile: string, prompt: string, width: number, height: number, fps: number, frames: number) {
  const move = cameraMoveFromPrompt(prompt);
  return {
    // One decoded frame; the filter loops it, so the still is decoded and scaled once.
    args: ["-i", imageFile],
    filter: `[0:v]${cameraMoveFilter({ move, width, height, fps, frames })}[v]`,
  };
}

async function sceneInput(work: string, prompt: string, seed: number, width: number, height: number, fps: number) {
  await fsp.writeFile(path.join(work, PALETTE_FILE), scenePalette(seed, width, height));
  const font = await captionFont();
  const { charsPerLine, maxLines } = captionLayout(width, height);
  const caption = wrapCaption(prompt, charsPerLine, maxLines);
  if (font && caption) await fsp.writeFile(path.join(work, CAPTION_FILE), caption, "utf8");
  return {
    args: ["-loop", "1", "-framerate", String(fps), "-i", PALETTE_FILE],
    filter: sceneFilter({ seed, width, height, fps, caption: font && caption ? font : null }),
  };
}

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new RangeError(message);
}
