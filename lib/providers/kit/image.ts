/**
 * Getting a job's input image to a provider, one of three ways: inline (data URI or bare
 * base64), uploaded to the provider's own storage (the adapter's upload function), or a
 * signed, short-lived URL to our own server (only with PUBLIC_URL).
 */
import type { InputImage, ModelSpec, SubmitContext } from "../types";
import { ProviderError } from "./errors";

export type ImageInputWay = "inline" | "upload" | "url";

export const IMAGE_EXTENSIONS: Record<InputImage["mime"], string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export function dataUri(image: InputImage): string {
  return `data:${image.mime};base64,${image.bytes.toString("base64")}`;
}

export function bareBase64(image: InputImage): string {
  return image.bytes.toString("base64");
}

/** The sentence for a provider that takes images only by URL on an instance without PUBLIC_URL. */
export function needsPublicUrlMessage(service: string): string {
  return `${service} fetches the input image from a link to this studio, so image-to-video needs PUBLIC_URL (a public address of Dailies). Set PUBLIC_URL, or make a text-to-video instead.`;
}

/** The signed URL to our copy of the image; refuses clearly when PUBLIC_URL is not set. */
export function requireImageUrl(ctx: SubmitContext, service: string): string {
  if (!ctx.imageUrl) throw new ProviderError("invalid_input", needsPublicUrlMessage(service), { retryable: false });
  return ctx.imageUrl;
}

/** Why image mode is unavailable for a model on this instance (a URL-only provider without PUBLIC_URL), or null. */
export function imageModeUnavailable(spec: Pick<ModelSpec, "imageInput" | "modes">, publicUrl: string | undefined): string | null {
  return spec.imageInput === "url" && spec.modes.includes("image") && !publicUrl ? "needs PUBLIC_URL so the provider can fetch your image" : null;
}
