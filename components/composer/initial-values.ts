/** The composer's starting values: the default model's, or a remixed job's settings fitted to a model that is available now. */
import type { JobJson } from "@/lib/jobs/serialize";
import { snapSettings } from "@/lib/jobs/snap-settings";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import type { ModelOptionValues } from "@/lib/providers/types";
import type { TakeUse } from "@/lib/jobs/take-href";
import { toFormValues, type SettingsValues } from "./settings-values";

/** The parts of a job a remix starts from. */
export type RemixSource = Pick<
  JobJson,
  "id" | "model" | "modelLabel" | "prompt" | "negativePrompt" | "aspectRatio" | "durationSeconds" | "resolution" | "fps" | "seed" | "imageUrl" | "options"
>;

export interface ComposerInitial {
  modelId: string;
  prompt: string;
  negativePrompt: string;
  seed: string;
  settings: SettingsValues;
  /** The remixed job's option values (the composer keeps those the chosen model has). */
  options: ModelOptionValues;
  /** The job being remixed, sent back as parentId. */
  parentId: string | null;
  /** The remixed job's still, fetched by the browser so it is sent again. */
  imageUrl: string | null;
  /** Something the person should know about how the remix was filled in. */
  notice: string | null;
}

function availableModel(catalog: ProviderGroup[], id: string | undefined): ModelOption | undefined {
  if (!id) return undefined;
  return catalog.find((g) => g.available && g.models.some((m) => m.id === id))?.models.find((m) => m.id === id);
}

/** What of a take to start from: its prompt, its seed (with its model), or all its settings (a remix). */
export function parseTakeUse(v: unknown): TakeUse {
  return v === "prompt" || v === "seed" ? v : "all";
}

export function composerInitial(catalog: ProviderGroup[], defaultModelId: string, remix?: RemixSource, use: TakeUse = "all"): ComposerInitial {
  if (remix && use !== "all") {
    const fresh = composerInitial(catalog, use === "seed" ? remix.model : defaultModelId);
    if (use === "prompt") return { ...fresh, prompt: remix.prompt };
    return { ...fresh, seed: remix.seed != null ? String(remix.seed) : "" };
  }
  const model =
    availableModel(catalog, remix?.model) ??
    availableModel(catalog, defaultModelId) ??
    catalog.find((g) => g.available && g.models.length > 0)?.models[0];
  if (!model) throw new Error("No model is available; the local preview should always be.");
  const fellBack = remix && remix.model !== model.id;
  return {
    modelId: model.id,
    prompt: remix?.prompt ?? "",
    negativePrompt: remix?.negativePrompt ?? "",
    seed: remix?.seed != null ? String(remix.seed) : "",
    settings: toFormValues(snapSettings(remix ?? {}, model)),
    options: remix?.options ?? {},
    parentId: remix?.id ?? null,
    imageUrl: remix?.imageUrl ?? null,
    notice: fellBack ? `${remix.modelLabel} is not available on this studio now, so ${model.label} is selected instead.` : null,
  };
}

/** The path of a finished job's final frame (app/api/jobs/[id]/last-frame). */
export function lastFrameUrl(jobId: string): string {
  return `/api/jobs/${encodeURIComponent(jobId)}/last-frame`;
}

/**
 * "Use last frame": a new generation (not a remix) whose Start slot holds the final frame of
 * `from`, with its prompt to carry on from, so the next shot continues where that one ended.
 */
export function lastFrameInitial(initial: ComposerInitial, from: Pick<JobJson, "id" | "prompt">): ComposerInitial {
  return { ...initial, prompt: from.prompt, imageUrl: lastFrameUrl(from.id), notice: "Starting from the last frame of the video you picked: it is in the Start slot." };
}
