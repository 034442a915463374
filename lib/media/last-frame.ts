import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { storage } from "../storage";
import { runFfmpeg } from "./run-ffmpeg";
import { withScratch } from "./scratch";

const FRAME_TIMEOUT_MS = 30_000;

/**
 * The stored video's final frame as a PNG, for "Use last frame": the next generation starts where
 * this one ended. `-sseof` seeks from the end; with the last frames of a short or VFR clip it may
 * find none, so it steps back a little further before giving up. Null when the video is not stored.
 */
export async function extractLastFrame(videoKey: string): Promise<Buffer | null> {
  const opened = await storage().open(videoKey);
  if (!opened) return null;
  return withScratch(async (scratch) => {
    const video = scratch("mp4");
    const png = scratch("png");
    await pipeline(opened.stream, fs.createWriteStream(video));
    for (const fromEnd of ["-0.1", "-0.5", "-1.5"]) {
      await runFfmpeg(["-v", "error", "-nostdin", "-y", "-sseof", fromEnd, "-i", video, "-an", "-update", "1", "-f", "image2", "-c:v", "png", png], { timeoutMs: FRAME_TIMEOUT_MS }).catch(() => undefined);
      const stat = await fsp.stat(png).catch(() => null);
      if (stat && stat.size > 0) return fsp.readFile(png);
    }
    throw new Error("ffmpeg found no last frame in the stored video.");
  });
}
