/**
 * Gets an input image to fal: inline as a data URI when small and the endpoint takes it,
 * otherwise through fal's CDN upload (initiate → PUT bytes → pass `file_url`).
 */
import "server-only";
import { guardedFetch } from "../../http/guarded-fetch";
import { ProviderError } from "../kit/errors";
import { dataUri, IMAGE_EXTENSIONS } from "../kit/image";
import { at, httpUrl } from "../kit/json";
import type { InputImage } from "../types";
import { falRest, falSettings } from "./client";
import type { FalModelSpec } from "./models";

export const DATA_URI_MAX_BYTES = 1024 * 1024;
const UPLOAD_TIMEOUT_MS = 60_000;

export async function imageUrlFor(image: InputImage, model: FalModelSpec, fileStem: string): Promise<string> {
  if (model.fal.acceptsDataUri && image.bytes.length <= DATA_URI_MAX_BYTES) return dataUri(image);
  const { body } = await falRest.json("POST", "/storage/upload/initiate", {
    what: "image upload",
    query: { storage_type: "fal-cdn-v3" },
    json: { content_type: image.mime, file_name: `${fileStem}.${IMAGE_EXTENSIONS[image.mime]}` },
  });
  const uploadUrl = httpUrl(at(body, "upload_url"));
  const fileUrl = httpUrl(at(body, "file_url"));
  if (!uploadUrl || !fileUrl) {
    throw new ProviderError("provider_error", "fal's upload service gave no upload address for the image.", { retryable: true, cause: body });
  }
  // A presigned URL from fal's answer: the key must not travel with it, and it goes through the address guard.
  const put = await guardedFetch(uploadUrl, {
    method: "PUT",
    service: "fal storage",
    headers: { "content-type": image.mime },
    body: new Uint8Array(image.bytes),
    timeoutMs: UPLOAD_TIMEOUT_MS,
    trustedBaseUrl: falSettings().FAL_REST_URL,
    maxRedirects: 0,
  });
  await put.body?.cancel().catch(() => undefined);
  if (!put.ok) {
    throw new ProviderError("provider_error", `Uploading the image to fal failed (HTTP ${put.status}).`, {
      retryable: put.status >= 500 || put.status === 429,
      httpStatus: put.status,
    });
  }
  return fileUrl;
}
