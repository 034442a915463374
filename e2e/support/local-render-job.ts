/** Local preview renders in tests: a job as the worker hands it over, and a DATA_DIR to render into. */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resetEnvCache } from "../../lib/env";
import { resetFfmpegPathCache } from "../../lib/media/ffmpeg-path";
import { localModels } from "../../lib/providers/local/models";
import type { ProviderJob } from "../../lib/providers/types";

/** A 2 s 480p render unless told otherwise. */
export function localRenderJob(overrides: Partial<ProviderJob> = {}): ProviderJob {
  return {
    id: `job_${Math.random().toString(36).slice(2)}`,
    model: localModels[0]!,
    prompt: "a harbour at dawn",
    negativePrompt: null,
    aspectRatio: "16:9",
    durationSeconds: 2,
    resolution: "480p",
    fps: 24,
    seed: 7,
    deadlineAt: Date.now() + 3_600_000,
    ...overrides,
  };
}

/**
 * A fresh DATA_DIR for local renders with no webhook receiver (nobody listens at INTERNAL_URL, so
 * polls carry the news, as the worker's would). Returns the directory; the caller removes it.
 */
export async function localRenderDataDir(prefix: string): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  process.env.DATA_DIR = dir;
  process.env.INTERNAL_URL = "http://127.0.0.1:9";
  process.env.APP_SECRET = "test-secret-that-is-at-least-32-characters-long";
  resetEnvCache();
  resetFfmpegPathCache();
  return dir;
}
