/**
 * How a start frame reaches Replicate. Small images go inline as a data URI; Replicate
 * recommends that only below 1 MB, so larger ones go through the Files API and the model
 * reads them from there. Never a URL to our own server: it may not be reachable.
 */
import "server-only";
import { ProviderError } from "../provider-error";
import type { SubmitContext } from "../types";
import { replicateJson } from "./client";

export const INLINE_IMAGE_MAX_BYTES = 1_000_000;

type StartImage = NonNullable<SubmitContext["image"]>;

interface ReplicateFile {
  id?: string;
  urls?: { get?: string };
}

const EXTENSIONS: Record<StartImage["mime"], string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export async function startImageValue(image: StartImage): Promise<string> {
  if (image.bytes.length < INLINE_IMAGE_MAX_BYTES) {
    return `data:${image.mime};base64,${image.bytes.toString("base64")}`;
  }
  return uploadFile(image);
}

async function uploadFile(image: StartImage): Promise<string> {
  const form = new FormData();
  form.append("content", new Blob([new Uint8Array(image.bytes)], { type: image.mime }), `start-frame.${EXTENSIONS[image.mime]}`);
  const file = await replicateJson<ReplicateFile>("POST", "/files", "start image upload", { form });
  const url = file.urls?.get;
  if (!url) {
    throw new ProviderError("provider_error", "Replicate accepted the start image but returned no URL for it.", { retryable: true });
  }
  return url;
}
