import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs";
import { ffmpegPath } from "./ffmpeg-path";
import { runFfmpeg } from "./run-ffmpeg";

/** How drawtext can draw captions with one ffmpeg binary: with a font file, fontconfig's default, or not at all. */
export type CaptionFont = { fontfile: string | null } | null;

const CANDIDATES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
  "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
  "/Library/Fonts/Arial.ttf",
  "/System/Library/Fonts/Supplemental/Arial.ttf",
  "C:\\Windows\\Fonts\\arial.ttf",
];

// The path goes into a filtergraph; anything that would need escaping there is skipped.
const SAFE_PATH = /^[\w/.+-]+$/;

const checked = new Map<string, Promise<CaptionFont>>();

/** Finds out once per ffmpeg binary whether captions work; never throws. */
export function captionFont(): Promise<CaptionFont> {
  const binary = ffmpegPath();
  let result = checked.get(binary);
  if (!result) {
    result = detect(binary).catch(() => null);
    checked.set(binary, result);
  }
  return result;
}

async function detect(binary: string): Promise<CaptionFont> {
  const files = CANDIDATES.filter((f) => SAFE_PATH.test(f) && readable(f));
  const matched = await fcMatch();
  if (matched && SAFE_PATH.test(matched) && readable(matched) && !files.includes(matched)) files.push(matched);
  for (const fontfile of files.slice(0, 3)) {
    if (await drawtextWorks(binary, fontfile)) return { fontfile };
  }
  // Static builds carry fontconfig and may still find a default font on their own.
  if (await drawtextWorks(binary, null)) return { fontfile: null };
  console.warn("[media] drawtext cannot find a font: local previews will have no caption. Install fonts-dejavu-core.");
  return null;
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function fcMatch(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("fc-match", ["-f", "%{file}", "sans-serif"], { timeout: 3000 }, (err, out) => resolve(err ? null : out.trim() || null));
  });
}

async function drawtextWorks(binary: string, fontfile: string | null): Promise<boolean> {
  const font = fontfile ? `fontfile=${fontfile}:` : "";
  try {
    await runFfmpeg(
      ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "color=c=black:s=64x32:d=0.1", "-vf", `drawtext=${font}text=Ag:fontsize=16:fontcolor=white`, "-frames:v", "1", "-f", "null", "-"],
      { binary, timeoutMs: 10_000 },
    );
    return true;
  } catch {
    return false;
  }
}
