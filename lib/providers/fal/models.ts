/**
 * fal's offerings of the model families (lib/models). Allowed values follow fal's endpoint
 * schemas (see shared/providers/fal.md). One entry covers a text-to-video endpoint and its
 * image-to-video twin when their parameters line up.
 * [U] Prices are fal's public list prices at the default settings, read on PRICE_READ_ON; the
 * provider notes do not carry them (Kling 2.1 Master's matches kling.md's $0.28/s at 1080p).
 */
import { hailuo02 } from "../../models/hailuo";
import { kling21Master } from "../../models/kling-2-1";
import { kling25Turbo } from "../../models/kling-2-5-turbo";
import { ltxVideo } from "../../models/ltx";
import { perSecond } from "../../models/price";
import { routeSpec, type Offering } from "../../models/route";
import { seedance1Pro } from "../../models/seedance";
import { veo31 } from "../../models/veo-3-1";
import { veo31Fast } from "../../models/veo-3-1-fast";
import { wan22 } from "../../models/wan";
import type { ModelSpec } from "../types";

export const PRICE_READ_ON = "2026-11-21";

type Mode = "text" | "image";

/** How a model wants the clip length: fal enums are strings, and not all alike. */
export type FalDuration =
  /** `"5"` (suffix "") or `"8s"` (suffix "s"). */
  | { kind: "string"; suffix: "" | "s" }
  /** `num_frames` + `frames_per_second`; the model's frame count must stay in range. */
  | { kind: "frames"; minFrames: number; maxFrames: number }
  /** Length is fixed by the model; nothing is sent. */
  | { kind: "fixed" };

export interface FalMapping {
  /** Used instead of `providerModel` when an image is given; null: the same endpoint takes `imageField`. */
  imageEndpoint: string | null;
  duration: FalDuration;
  imageField: "image_url";
  /** fal accepts small images inline as data URIs on this endpoint; larger ones are uploaded to fal's CDN. */
  acceptsDataUri: boolean;
  /** Which endpoints take `aspect_ratio` (image endpoints often derive it from the still). */
  aspectRatioFor: readonly Mode[];
  /** Which endpoints take `resolution`, and in which casing ("720p" vs "768P"). */
  resolution: { sendFor: readonly Mode[]; casing: "lower" | "upper" };
}

export interface FalModelSpec extends ModelSpec {
  provider: "fal";
  fal: FalMapping;
}

const both: readonly Mode[] = ["text", "image"];
const textOnly: readonly Mode[] = ["text"];
const none: readonly Mode[] = [];

/** The mapping most fal endpoints share: string seconds, data URIs, aspect and resolution sent for both modes. */
const usual = (imageEndpoint: string, more: Partial<FalMapping> = {}): FalMapping => ({
  imageEndpoint,
  duration: { kind: "string", suffix: "" },
  imageField: "image_url",
  acceptsDataUri: true,
  aspectRatioFor: both,
  resolution: { sendFor: both, casing: "lower" },
  ...more,
});

const route = (o: Omit<Offering, "priceReadOn">, fal: FalMapping): FalModelSpec => ({ ...routeSpec("fal", { priceReadOn: PRICE_READ_ON, ...o }), fal });

// With audio, which Veo generates by default. [U] 4k costs more than the listed rate.
const veo = (family: typeof veo31, endpoint: string, usd: number, wait: number) =>
  route({ family, providerModel: endpoint, price: perSecond(usd), typicalWaitSeconds: wait }, usual(`${endpoint}/image-to-video`, { duration: { kind: "string", suffix: "s" } }));

// The image-to-video endpoint takes its framing from the still; the size is fixed at 1080p.
const kling = (family: typeof kling21Master, endpoint: string, usd: number, wait: number) =>
  route(
    { family, providerModel: `${endpoint}/text-to-video`, price: perSecond(usd), typicalWaitSeconds: wait },
    usual(`${endpoint}/image-to-video`, { aspectRatioFor: textOnly, resolution: { sendFor: none, casing: "lower" } }),
  );

export const falModels: readonly FalModelSpec[] = [
  veo(veo31, "fal-ai/veo3.1", 0.4, 120),
  veo(veo31Fast, "fal-ai/veo3.1/fast", 0.15, 60),
  kling(kling21Master, "fal-ai/kling-video/v2.1/master", 0.28, 240),
  kling(kling25Turbo, "fal-ai/kling-video/v2.5-turbo/pro", 0.07, 90),
  route(
    {
      family: hailuo02,
      providerModel: "fal-ai/minimax/hailuo-02/standard/text-to-video",
      label: "Hailuo 02 Standard (MiniMax)",
      narrow: { resolutions: ["768p"] },
      price: perSecond(0.045),
      typicalWaitSeconds: 180,
    },
    // Only the image endpoint has a resolution choice (512P/768P); 512P is left out so both agree.
    usual("fal-ai/minimax/hailuo-02/standard/image-to-video", { aspectRatioFor: none, resolution: { sendFor: ["image"], casing: "upper" } }),
  ),
  route(
    {
      family: seedance1Pro,
      providerModel: "fal-ai/bytedance/seedance/v1/pro/text-to-video",
      narrow: { aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"] },
      // Billed by tokens: the 1080p rate, [U] 720p "about half", 480p a quarter.
      price: perSecond(0.124, { byResolution: { "720p": 0.062, "480p": 0.031 } }),
      typicalWaitSeconds: 90,
    },
    usual("fal-ai/bytedance/seedance/v1/pro/image-to-video"),
  ),
  route(
    // 16 fps keeps every length within the model's 17–161 frames.
    { family: wan22, providerModel: "fal-ai/wan/v2.2-a14b/text-to-video", label: "Wan 2.2 A14B (Alibaba)", price: perSecond(0.08), typicalWaitSeconds: 120 },
    usual("fal-ai/wan/v2.2-a14b/image-to-video", { duration: { kind: "frames", minFrames: 17, maxFrames: 161 } }),
  ),
  route(
    {
      family: ltxVideo,
      providerModel: "fal-ai/ltx-video",
      description: "Lightricks LTX-Video: rough drafts in seconds for a couple of cents.",
      narrow: { durations: [5], aspectRatios: ["16:9"], resolutions: ["512p"] },
      // fal lists $0.02 per clip of about five seconds.
      price: { kind: "per_request", usd: 0.02 },
      typicalWaitSeconds: 20,
    },
    usual("fal-ai/ltx-video/image-to-video", { duration: { kind: "fixed" }, aspectRatioFor: none, resolution: { sendFor: none, casing: "lower" } }),
  ),
];

const byId = new Map(falModels.map((m) => [m.id, m]));

export function findFalModel(id: string): FalModelSpec | undefined {
  return byId.get(id);
}
