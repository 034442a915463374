/**
 * The procedural scene the local renderer draws when there is no image: a slowly drifting,
 * hue-shifting gradient with soft Game of Life cells, all chosen from the seed. Uses only
 * filters the 2018 npm ffmpeg has (no gradients, xfade), and none of the slow ones (noise,
 * mandelbrot, per-pixel geq at full size).
 */
import { seededRandom, toUint32 } from "./seeded-random";

export const PALETTE_FILE = "palette.ppm";
export const CAPTION_FILE = "caption.txt";

export interface SceneOptions {
  seed: number;
  width: number;
  height: number;
  fps: number;
  /** null: no caption (drawtext has no usable font). */
  caption: { fontfile: string | null } | null;
}

/** Caption size and wrap width for a frame. */
export function captionLayout(width: number, height: number): { fontSize: number; charsPerLine: number; maxLines: number } {
  const fontSize = Math.max(14, Math.round(Math.min(width, height) / 20));
  // DejaVu Sans averages ~0.55 em per Latin character; 0.6 leaves a margin for wide words.
  const charsPerLine = Math.floor((width * 0.84) / (fontSize * 0.6));
  const maxLines = Math.min(8, Math.max(2, Math.floor((height * 0.45) / (fontSize * 1.3))));
  return { fontSize, charsPerLine, maxLines };
}

/**
 * A small smooth gradient as a binary PPM. ffmpeg's scaler does not interpolate between rows
 * of a tiny image, so the smoothing happens here and ffmpeg only enlarges an already soft picture.
 */
export function scenePalette(seed: number, width: number, height: number): Buffer {
  const rand = seededRandom(seed);
  const gw = width >= height ? 96 : Math.max(8, Math.round((96 * width) / height));
  const gh = width >= height ? Math.max(8, Math.round((96 * height) / width)) : 96;
  const baseHue = rand() * 360;
  const spread = 40 + rand() * 120;
  const grid: Array<[number, number, number]> = [];
  for (let i = 0; i < 9; i++) {
    grid.push(hslToRgb(baseHue + spread * (rand() - 0.5), 0.45 + rand() * 0.4, 0.16 + rand() * 0.46));
  }
  const px = Buffer.alloc(gw * gh * 3);
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let y = 0; y < gh; y++) {
    const gy = (y / (gh - 1)) * 2;
    const iy = Math.min(1, Math.floor(gy));
    const fy = smooth(gy - iy);
    for (let x = 0; x < gw; x++) {
      const gx = (x / (gw - 1)) * 2;
      const ix = Math.min(1, Math.floor(gx));
      const fx = smooth(gx - ix);
      const c00 = grid[iy * 3 + ix]!;
      const c01 = grid[iy * 3 + ix + 1]!;
      const c10 = grid[(iy + 1) * 3 + ix]!;
      const c11 = grid[(iy + 1) * 3 + ix + 1]!;
      for (let c = 0; c < 3; c++) {
        const top = c00[c]! * (1 - fx) + c01[c]! * fx;
        const bottom = c10[c]! * (1 - fx) + c11[c]! * fx;
        px[(y * gw + x) * 3 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return Buffer.concat([Buffer.from(`P6\n${gw} ${gh}\n255\n`, "ascii"), px]);
}

const LIFE_RULES = ["B3/S23", "B36/S23", "B3678/S34678", "B368/S245", "B34/S34"];

/**
 * filter_complex for the scene. Input 0 is PALETTE_FILE looped at `fps`; the caption is read
 * from CAPTION_FILE in the working directory (textfile + expansion=none: no escaping of the
 * prompt anywhere, so %, quotes and colons are drawn as typed).
 */
export function sceneFilter(opts: SceneOptions): string {
  const { width: W, height: H, fps } = opts;
  // A different stream than the palette's, so layout does not mirror the colors.
  const rand = seededRandom(toUint32(opts.seed) ^ 0x9e3779b9);
  const hueSwing = Math.round(15 + rand() * 30);
  const huePeriod = (6 + rand() * 6).toFixed(2);
  const driftX = (7 + rand() * 6).toFixed(2);
  const driftY = (9 + rand() * 6).toFixed(2);
  const phase = (rand() * Math.PI * 2).toFixed(3);
  const overW = Math.round((W * 1.2) / 2) * 2;
  const overH = Math.round((H * 1.2) / 2) * 2;

  const cellsAcross = 24 + Math.floor(rand() * 20);
  const cell = Math.max(4, Math.min(W, H) / cellsAcross);
  const gridW = Math.max(8, Math.round(W / cell));
  const gridH = Math.max(8, Math.round(H / cell));
  const rule = LIFE_RULES[Math.floor(rand() * LIFE_RULES.length)] ?? "B3/S23";
  const lifeRate = 4 + Math.floor(rand() * 5);
  const ratio = (0.2 + rand() * 0.3).toFixed(3);
  const mold = 10 + Math.floor(rand() * 30);
  const opacity = (0.18 + rand() * 0.14).toFixed(3);
  // Life steps a few times a second; averaging the repeated frames turns steps into fades.
  const mix = Math.max(2, Math.round(fps / lifeRate));

  const chains = [
    `[0:v]hue=h='${hueSwing}*sin(2*PI*t/${huePeriod})',scale=${overW}:${overH}:flags=bicubic,` +
      `crop=${W}:${H}:x='(iw-ow)*(0.5+0.5*sin(2*PI*t/${driftX}+${phase}))':y='(ih-oh)*(0.5+0.5*cos(2*PI*t/${driftY}))',format=yuv420p[bg]`,
    `life=s=${gridW}x${gridH}:r=${lifeRate}:rule=${rule}:ratio=${ratio}:mold=${mold}:seed=${toUint32(opts.seed)}:` +
      `life_color=white:death_color=black:mold_color=0x303030,fps=${fps},tmix=frames=${mix},` +
      `scale=${W}:${H}:flags=bicubic,format=yuv420p[cells]`,
    // Screen on luma only: cells glow, the gradient keeps its colors.
    `[bg][cells]blend=c0_mode=screen:c0_opacity=${opacity}:c1_mode=normal:c2_mode=normal${opts.caption ? "[scene]" : "[v]"}`,
  ];
  if (opts.caption) {
    const { fontSize } = captionLayout(W, H);
    const font = opts.caption.fontfile ? `fontfile=${opts.caption.fontfile}:` : "";
    const pad = Math.round(fontSize * 0.6);
    chains.push(
      `[scene]drawtext=${font}textfile=${CAPTION_FILE}:expansion=none:fontsize=${fontSize}:fontcolor=white:` +
        `line_spacing=${Math.round(fontSize * 0.3)}:box=1:boxcolor=black@0.45:boxborderw=${pad}:` +
        `shadowcolor=black@0.5:shadowx=1:shadowy=1:x=(w-text_w)/2:y=(h-text_h)/2[v]`,
    );
  }
  return chains.join(";");
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hue = (((h % 360) + 360) % 360) / 60;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((hue % 2) - 1));
  const [r, g, b] =
    hue < 1 ? [c, x, 0] : hue < 2 ? [x, c, 0] : hue < 3 ? [0, c, x] : hue < 4 ? [0, x, c] : hue < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
