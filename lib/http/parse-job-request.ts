import "server-only";
import { appError, fail, ok, type Result } from "../errors";
import { MAX_IMAGE_BYTES } from "../media/image-input";
import { formOptions } from "./form-options";
import { readCappedBody } from "./read-body";

/** Room for a 10 MB image plus the form fields around it. */
const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 256 * 1024;
const FIELDS = ["model", "prompt", "negativePrompt", "aspectRatio", "durationSeconds", "resolution", "fps", "seed", "options", "fallback"] as const;

type ParsedJobRequest = { fields: Record<string, unknown>; image: Buffer | null };

/** Turns a JSON or multipart POST into untrusted fields plus image bytes; createJob validates them. */
export async function parseJobRequest(req: Request): Promise<Result<ParsedJobRequest>> {
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
  return readJobForm(form);
}

/** Form fields that hold whole numbers: decimal digits only, so "0x10", "1e3" and " 5" stay text and are refused. */
const NUMERIC_FIELDS = new Set<string>(["durationSeconds", "fps", "seed"]);

/**
 * The job fields of a form (the API's multipart body or the composer's server action) plus its
 * image. A browser sends an empty, unnamed file part when no image was picked; that is no image.
 * Any other empty file, or an `image` sent as text, is refused rather than read as a text job.
 */
export async function readJobForm(form: FormData): Promise<Result<ParsedJobRequest>> {
  const fields: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const v = form.get(name);
    if (typeof v !== "string" || v === "") continue;
    fields[name] = NUMERIC_FIELDS.has(name) && /^\d{1,16}$/.test(v) ? Number(v) : v;
  }
  const options = formOptions(form, fields.options);
  if (options !== undefined) fields.options = options;
  const parts = form.getAll("image").filter((part) => !(part instanceof Blob && part.size === 0 && "name" in part && part.name === ""));
  if (parts.length > 1) return fail("validation", "Attach one image.", { image: "Attach one image." });
  const [part] = parts;
  if (part === undefined) return ok({ fields, image: null });
  if (typeof part === "string")
    return fail("validation", "Send the image as a file, not as text.", { image: "Upload the image as a file." });
  if (part.size === 0) return fail("validation", "The image file is empty.", { image: "The image file is empty." });
  return ok({ fields, image: Buffer.from(await part.arrayBuffer()) });
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
