/** The fake fal's HTTP helpers and the error bodies it answers with (shared/providers/fal.md). */
import type http from "node:http";

/** fal's 422 for content its checker flagged. */
export const SAFETY_DETAIL = {
  detail: [
    {
      loc: ["body", "prompt"],
      msg: "The content could not be processed because it contained material flagged by a content checker.",
      type: "content_policy_violation",
      ctx: {},
    },
  ],
};
/** fal's result body for a request that ran out of time. */
export const TIMEOUT_DETAIL = { detail: "Request timed out", error_type: "request_timeout" };
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** A whole response with its Content-Length. */
export function send(res: http.ServerResponse, status: number, body: unknown, contentType = "application/json", headers: Record<string, string> = {}): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  res.writeHead(status, { "content-type": contentType, "content-length": String(bytes.length), ...headers });
  res.end(bytes);
}

/** The request body, refused past 50 MB. */
export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
