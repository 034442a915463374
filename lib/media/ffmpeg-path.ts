/**
 * Which ffmpeg/ffprobe to run: FFMPEG_PATH/FFPROBE_PATH, then the ones on PATH,
 * then the binaries shipped inside the npm packages (these work on a fresh machine).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { env } from "../env";

const require = createRequire(path.join(process.cwd(), "package.json"));
const found = new Map<string, string>();

function onPath(name: string): string | null {
  for (const dir of env().PATH.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function resolve(name: "ffmpeg" | "ffprobe", configured: string | undefined, pkg: string): string {
  const cachedPath = found.get(name);
  if (cachedPath) return cachedPath;
  let chosen = configured ?? onPath(name);
  if (!chosen) {
    try {
      chosen = (require(pkg) as { path: string }).path;
    } catch {
      throw new Error(`${name} was not found: install it (apt-get install ffmpeg), set ${name.toUpperCase()}_PATH, or run npm install.`);
    }
  }
  found.set(name, chosen);
  return chosen;
}

export function ffmpegPath(): string {
  return resolve("ffmpeg", env().FFMPEG_PATH, "@ffmpeg-installer/ffmpeg");
}

export function ffprobePath(): string {
  return resolve("ffprobe", env().FFPROBE_PATH, "@ffprobe-installer/ffprobe");
}

/** For tests that switch binaries with FFMPEG_PATH/FFPROBE_PATH (after resetEnvCache()). */
export function resetFfmpegPathCache(): void {
  found.clear();
}
