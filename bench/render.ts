/** 1. Local render speed: renderLocal at 1280x720, 5 s, 24 fps; wall time ÷ clip length. */
import fs from "node:fs";
import path from "node:path";
import { ffmpegPath } from "../lib/media/ffmpeg-path";
import { probe } from "../lib/media/probe";
import { renderLocal } from "../lib/media/render-local";
import { childrenCpuSeconds } from "./proc";
import { median, round, timed, type Measurement } from "./util";

const RUNS = 3;
const SECONDS = 5;
const TARGET = 0.6;

interface Case {
  id: string;
  name: string;
  prompt: string;
  imageFile?: string;
}

export async function benchRender(dir: string, stillFile: string): Promise<Measurement[]> {
  const cases: Case[] = [
    { id: "render_text", name: "Local render, text-only 720p (wall / clip s)", prompt: "a lighthouse at dusk, waves rolling in, 100% calm" },
    { id: "render_image", name: "Local render, image dolly-in 720p (wall / clip s)", prompt: "slow dolly in on the harbour", imageFile: stillFile },
  ];
  const binary = ffmpegPath();
  const out: Measurement[] = [];
  for (const c of cases) {
    const samples: number[] = [];
    const cpu: number[] = [];
    let checked: Record<string, unknown> = {};
    try {
      for (let i = 0; i < RUNS; i++) {
        const outFile = path.join(dir, `${c.id}-${i}.mp4`);
        const cpu0 = childrenCpuSeconds();
        const ms = await timed(() =>
          renderLocal({ outFile, durationSeconds: SECONDS, fps: 24, width: 1280, height: 720, prompt: c.prompt, imageFile: c.imageFile, seed: 7 + i }),
        );
        samples.push(ms);
        cpu.push(childrenCpuSeconds() - cpu0);
        if (i === 0) {
          const info = await probe(outFile);
          checked = { width: info.width, height: info.height, durationSeconds: round(info.durationSeconds), codec: info.codec, bytes: info.bytes };
        }
        fs.rmSync(outFile, { force: true });
      }
      const ratio = median(samples) / 1000 / SECONDS;
      out.push({
        id: c.id,
        name: c.name,
        value: round(ratio, 3),
        unit: "x realtime",
        target: `<= ${TARGET}`,
        pass: ratio <= TARGET,
        details: { ffmpeg: binary, samplesMs: samples.map((s) => Math.round(s)), medianMs: Math.round(median(samples)), ffmpegCpuSeconds: cpu.map((c) => round(c)), coresUsed: round(median(cpu.map((c, i) => c / (samples[i]! / 1000)))), output: checked },
      });
    } catch (err) {
      out.push({ id: c.id, name: c.name, value: null, unit: "x realtime", target: `<= ${TARGET}`, pass: false, details: { ffmpeg: binary }, error: String(err) });
    }
  }
  return out;
}
