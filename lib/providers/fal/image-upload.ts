/**
 * Gets an input image to fal: inline as a data URI when small and the endpoint takes it,
 * otherwise through fal's CDN upload (initiate → PUT bytes → pass `file_url`).
 */
import "server-only";
import { env } from "../../env";
import { fetchWithTimeout } from "../../http/fetch-with-timeout";
import type { SubmitContext } from "../types";
import { ProviderError } from "../kit/errors";
import { providerErrorFromResponse } from "./errors";
import { falFetch, isRecord, readJson } from "./http";
import type { FalModelSpec } from "./models";

export const DATA_URI_MAX_BYTES = 1024 * 1024;

type InputImage = NonNullable<SubmitContext["image"]>;

const EXTENSIONS: Record<InputImage["mime"], string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export async function imageUrlFor(image: InputImage, model: FalModelSpec, fileStem: string): Promise<string> {
  if (model.fal.acceptsDataUri && image.bytes.length <= DATA_URI_MAX_BYTES) {
    return `data:${image.mime};base64,${image.bytes.toString("base64")}`;
  }
  return uploadToFalCdn(image, `${fileStem}.${EXTENSIONS[image.mime]}`);
}

async function uploadToFalCdn(image: InputImage, fileName: string): Promise<string> {
  const initiate = await falFetch(`${env().FAL_REST_URL}/storage/upload/initiate?storage_type=fal-cdn-v3`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ content_type: image.mime, file_name: fileName }),
  });
  if (!initiate.ok) throw await providerErrorFromResponse(initiate);
  const body = await readJson(initiate);
  const uploadUrl = isRecord(body) ? httpUrl(body.upload_url) : null;
  const fileUrl = isRecord(body) ? httpUrl(body.file_url) : null;
  if (!uploadUrl || !fileUrl) {
    throw new ProviderError("provider_error", "fal's upload service gave no upload address for the image.", { retryable: true, cause: body });
  }

  // A presigned URL: the key must not travel with it.
  const put = await fetchWithTimeout("fal storage", uploadUrl, {
    method: "PUT",
    headers: { "content-type": image.mime },
    body: new Uint8Array(image.bytes),
    timeoutMs: env().PROVIDER_TIMEOUT_SECONDS * 2000,
  });
  await put.body?.cancel();
  if (!put.ok) {
    throw new ProviderError("provider_error", `Uploading the image to fal failed (HTTP ${put.status}).`, {
      retryable: put.status >= 500 || put.status === 429,
      httpStatus: put.status,
    });
  }
  return fileUrl;
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
