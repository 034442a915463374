import "server-only";
import { appError, type AppError } from "../errors";
import { MAX_IMAGE_BYTES } from "../media/image-input";
import { formOptions } from "./form-options";
import { readCappedBody } from "./read-body";

/** Room for a 10 MB image plus the form fields around it. */
const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 256 * 1024;
const FIELDS = ["model", "prompt", "negativePrompt", "aspectRatio", "durationSeconds", "resolution", "fps", "seed", "options"] as const;

type ParsedJobRequest = { fields: Record<string, unknown>; image: Buffer | null };

/** Turns a JSON or multipart POST into untrusted fields plus image bytes; createJob validates them. */
export async function parseJobRequest(req: Request): Promise<{ ok: true; value: ParsedJobRequest } | { ok: false; error: AppError }> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const isJson = type.startsWith("application/json");
  const isForm = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  if (!isJson && !isForm)
    return { ok: false, error: appError("unsupported_media_type", "Send the job as JSON or as multipart/form-data (with an image).") };

  const body = await readCappedBody(req, MAX_REQUEST_BYTES);
  if (!body)
    return { ok: false, error: appError("payload_too_large", "The request is too large: images may be at most 10 MB.", { image: "The image is larger than 10 MB." }) };

  if (isJson) {
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return { ok: false, error: appError("bad_request", "The request body is not valid JSON.") };
    }
    if (!json || typeof json !== "object" || Array.isArray(json))
      return { ok: false, error: appError("bad_request", "The request body must be a JSON object.") };
    if ("image" in json && (json as { image?: unknown }).image != null)
      return { ok: false, error: appError("unsupported_media_type", "Send images as multipart/form-data, not inside JSON.", { image: "Upload the image as a file." }) };
    return { ok: true, value: { fields: pickJobFields(json as Record<string, unknown>), image: null } };
  }

  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    return { ok: false, error: appError("bad_request", "The form data could not be read.") };
  }
  return { ok: true, value: await readJobForm(form) };
}

/** The job fields of a form (the API's multipart body or the composer's server action) plus its image. */
export async function readJobForm(form: FormData): Promise<ParsedJobRequest> {
  const fields: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const v = form.get(name);
    if (typeof v === "string") fields[name] = v;
  }
  const options = formOptions(form, fields.options);
  if (options !== undefined) fields.options = options;
  const file = form.get("image");
  const image = file instanceof Blob && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  return { fields, image };
}

/** The job fields of an object (a JSON body, or a stored job being retried); everything else is dropped. */
export function pickJobFields(source: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const value = (source as Record<string, unknown>)[name];
    if (name in source && value !== null) out[name] = value;
  }
  return out;
}
