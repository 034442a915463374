/**
 * How a start frame reaches Replicate. Small images go inline as a data URI; Replicate
 * recommends that only below 1 MB, so larger ones go through the Files API and the model
 * reads them from there. Never a URL to our own server: it may not be reachable.
 */
import "server-only";
import { ProviderError } from "../kit/errors";
import { dataUri, IMAGE_EXTENSIONS } from "../kit/image";
import { at, httpUrl } from "../kit/json";
import type { InputImage } from "../types";
import { replicate } from "./client";

export const INLINE_IMAGE_MAX_BYTES = 1_000_000;

export async function startImageValue(image: InputImage): Promise<string> {
  if (image.bytes.length < INLINE_IMAGE_MAX_BYTES) return dataUri(image);
  const form = new FormData();
  form.append("content", new Blob([new Uint8Array(image.bytes)], { type: image.mime }), `start-frame.${IMAGE_EXTENSIONS[image.mime]}`);
  const { body } = await replicate.json("POST", "/files", { what: "start image upload", form });
  const url = httpUrl(at(body, "urls", "get"));
  if (!url) throw new ProviderError("provider_error", "Replicate accepted the start image but returned no URL for it.", { retryable: true });
  return url;
}
