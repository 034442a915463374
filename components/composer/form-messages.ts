/** What the composer says about a model and the form's errors: the image note and the form-level alert. */
import type { ModelOption } from "@/lib/providers/catalog";

/** Why the chosen model cannot use the image as it stands (or needs one); undefined when all is well. */
export function imageNote(model: ModelOption, hasImage: boolean): string | undefined {
  if (hasImage && model.imageUnavailable)
    return `${model.label} cannot take an image on this studio: it ${model.imageUnavailable}. Remove the image or pick another model.`;
  if (hasImage && !model.modes.includes("image"))
    return `${model.label} makes videos from text only, so it cannot use this image. Remove it or pick a model that takes an image.`;
  if (!hasImage && !model.modes.includes("text")) return `${model.label} animates a still image: add one.`;
  return undefined;
}

/** The fields this model's form shows, so their errors can sit next to them. */
function visibleFields(model: ModelOption): Set<string> {
  const names = ["prompt", "image", "model", "aspectRatio", "durationSeconds", "resolution", "projectId"];
  if (model.fps.length > 1) names.push("fps");
  if (model.negativePrompt) names.push("negativePrompt");
  if (model.seed) names.push("seed");
  if (model.options?.length) names.push("options", ...model.options.map((o) => `options.${o.key}`));
  return new Set(names);
}

/**
 * The form-level alert. When its sentence already stands next to its field, it points there
 * instead, so a screen reader does not hear the same sentence twice.
 */
export function formAlert(error: string, fieldErrors: Record<string, string>, model: ModelOption): string {
  const shown = Object.entries(fieldErrors).filter(([name]) => visibleFields(model).has(name));
  if (!shown.some(([, message]) => message === error)) return error;
  return shown.length === 1 ? "Fix the field marked above, then generate again." : `Fix the ${shown.length} fields marked above, then generate again.`;
}
