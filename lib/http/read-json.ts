import "server-only";
import { appError, type Result } from "../errors";
import { readCappedBody } from "./read-body";

/** A small JSON object body (settings-style calls), capped; a sentence for anything else. */
export async function readJsonObject(req: Request, maxBytes = 64 * 1024): Promise<Result<Record<string, unknown>>> {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return { ok: false, error: appError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).") };
  const body = await readCappedBody(req, maxBytes);
  if (!body) return { ok: false, error: appError("payload_too_large", `The request body is too large (at most ${Math.round(maxBytes / 1024)} KB).`) };
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { ok: false, error: appError("bad_request", "The request body is not valid JSON.") };
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) return { ok: false, error: appError("bad_request", "The request body must be a JSON object.") };
  return { ok: true, value: json as Record<string, unknown> };
}
