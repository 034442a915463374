import "server-only";
import { execFile } from "node:child_process";
import fsp from "node:fs/promises";
import { z } from "zod";
import { ffprobePath } from "./ffmpeg-path";

export interface VideoProbe {
  durationSeconds: number;
  width: number;
  height: number;
  /** ffprobe's codec_name of the first video stream: "h264", "hevc", "vp9", ... */
  codec: string;
  bytes: number;
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  formatName: string;
  hasAudio: boolean;
  /** e.g. "yuv420p"; Chromium cannot play 4:4:4 or 10-bit H.264. */
  pixelFormat?: string;
}

/** The file is not something a browser could play as a video (often an HTML error page). */
export class NotAVideoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NotAVideoError";
  }
}

/** ffprobe was stopped by a signal from outside (a service stop), so nothing is known about the file yet. */
export class ProbeInterruptedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("ffprobe was stopped before it finished.", options);
    this.name = "ProbeInterruptedError";
  }
}

const PROBE_TIMEOUT_MS = 15_000;

const num = z.union([z.string(), z.number()]).optional().transform((v) => (v === undefined ? NaN : Number(v)));
const output = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: num,
        pix_fmt: z.string().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
      }),
    )
    .default([]),
  format: z.object({ format_name: z.string().default(""), duration: num, size: num }).partial().default({}),
});

/** Duration, size and codec of a video file; throws NotAVideoError when it is not one. */
export async function probe(file: string): Promise<VideoProbe> {
  const stat = await fsp.stat(file);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      ffprobePath(),
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
      { timeout: PROBE_TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: 8 * 1024 * 1024 },
      (err, out, errOut) => {
        // `killed` is our own timeout; a signal without it came from outside.
        if (err && err.signal && !err.killed) reject(new ProbeInterruptedError({ cause: err }));
        else if (err) reject(new NotAVideoError(`ffprobe could not read the file: ${String(errOut || err.message).trim().slice(0, 300)}`, { cause: err }));
        else resolve(out);
      },
    );
  });

  let parsed: z.infer<typeof output>;
  try {
    parsed = output.parse(JSON.parse(stdout));
  } catch (err) {
    throw new NotAVideoError("ffprobe gave an unreadable answer for the file.", { cause: err });
  }
  // Cover art in an audio file is a "video" stream too; it is not a video.
  const video = parsed.streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video?.codec_name || !video.width || !video.height) throw new NotAVideoError("The file has no video stream.");

  // WebM/Matroska streams carry no duration; the container's is the one to read.
  const formatDuration = parsed.format.duration ?? NaN;
  const durationSeconds = Number.isFinite(formatDuration) && formatDuration > 0 ? formatDuration : video.duration;
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw new NotAVideoError("The file has no readable duration (a still image?).");

  return {
    durationSeconds,
    width: video.width,
    height: video.height,
    codec: video.codec_name,
    bytes: stat.size,
    formatName: parsed.format.format_name ?? "",
    hasAudio: parsed.streams.some((s) => s.codec_type === "audio"),
    pixelFormat: video.pix_fmt,
  };
}
