/**
 * The camera move the local renderer makes over a still, read from the prompt's words, and
 * the ffmpeg filter chain that makes it.
 */

export type CameraMove = "dolly-in" | "dolly-out" | "pan-left" | "pan-right" | "tilt-up" | "tilt-down";

const SUFFIX = "(?:s|es|ing|ed|ned|ning)?";
const GAP = "[\\s-]*";
const PATTERNS: ReadonlyArray<[CameraMove, RegExp]> = [
  ["dolly-in", new RegExp(`\\b(?:dolly|zoom|push)${SUFFIX}${GAP}in(?:to|wards?)?\\b`, "i")],
  ["dolly-out", new RegExp(`\\b(?:dolly|zoom|pull)${SUFFIX}${GAP}(?:out|back|away)\\b`, "i")],
  ["pan-left", new RegExp(`\\bpan${SUFFIX}${GAP}(?:to${GAP}the${GAP})?left(?:wards?)?\\b`, "i")],
  ["pan-right", new RegExp(`\\bpan${SUFFIX}${GAP}(?:to${GAP}the${GAP})?right(?:wards?)?\\b`, "i")],
  ["tilt-up", new RegExp(`\\btilt${SUFFIX}${GAP}up(?:wards?)?\\b`, "i")],
  ["tilt-down", new RegExp(`\\btilt${SUFFIX}${GAP}down(?:wards?)?\\b`, "i")],
];

/** The first move the prompt names wins; with none, a slow dolly in. */
export function cameraMoveFromPrompt(prompt: string): CameraMove {
  let best: { move: CameraMove; at: number } | null = null;
  for (const [move, re] of PATTERNS) {
    const m = re.exec(prompt);
    if (m && (!best || m.index < best.at)) best = { move, at: m.index };
  }
  return best?.move ?? "dolly-in";
}

// How far the camera travels: 15 % zoom, or a pan/tilt across 15 % of the frame.
const ZOOM = 1.15;

/**
 * Filter chain from a single still (input pad) to `frames` frames of width x height yuv420p.
 * The still is cover-cropped and scaled once, then looped; `perspective` moves a sub-pixel
 * window over it each frame. (zoompan and crop work in whole pixels and visibly jitter.)
 */
export function cameraMoveFilter(opts: { move: CameraMove; width: number; height: number; fps: number; frames: number }): string {
  const { move, width: W, height: H, fps, frames } = opts;
  // Ease in and out, as a camera operator would.
  const e = `(0.5-0.5*cos(PI*min(1,in/${Math.max(1, frames - 1)})))`;
  let z = String(ZOOM);
  let cx = `${W / 2}`;
  let cy = `${H / 2}`;
  const travelX = W - W / ZOOM;
  const travelY = H - H / ZOOM;
  switch (move) {
    case "dolly-in":
      z = `(1+${ZOOM - 1}*${e})`;
      break;
    case "dolly-out":
      z = `(${ZOOM}-${ZOOM - 1}*${e})`;
      break;
    case "pan-right":
      cx = `(${W / (2 * ZOOM)}+${travelX}*${e})`;
      break;
    case "pan-left":
      cx = `(${W - W / (2 * ZOOM)}-${travelX}*${e})`;
      break;
    case "tilt-down":
      cy = `(${H / (2 * ZOOM)}+${travelY}*${e})`;
      break;
    case "tilt-up":
      cy = `(${H - H / (2 * ZOOM)}-${travelY}*${e})`;
      break;
  }
  const hw = `(${W / 2}/${z})`;
  const hh = `(${H / 2}/${z})`;
  const left = `${cx}-${hw}`;
  const right = `${cx}+${hw}`;
  const top = `${cy}-${hh}`;
  const bottom = `${cy}+${hh}`;
  // Cubic keeps the slightly enlarged still sharp; at 1080p linear keeps the render near real time.
  const interpolation = W * H > 1280 * 720 * 1.5 ? "linear" : "cubic";
  return [
    // Cover: cut the still to the frame's shape first, so a very long panorama is never
    // enlarged as a whole, then scale that part to the frame.
    `crop=w='min(iw,ih*${W}/${H})':h='min(ih,iw*${H}/${W})'`,
    `scale=${W}:${H}:flags=lanczos`,
    "setsar=1",
    "format=yuv420p",
    `loop=loop=${frames - 1}:size=1:start=0`,
    `settb=expr=1/${fps}`,
    "setpts=N",
    `perspective=x0='${left}':y0='${top}':x1='${right}':y1='${top}':x2='${left}':y2='${bottom}':x3='${right}':y3='${bottom}':interpolation=${interpolation}:eval=frame`,
  ].join(",");
}
