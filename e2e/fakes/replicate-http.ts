/** Small node:http helpers for the Replicate fake: body reading, JSON and problem-details answers. */
import http from "node:http";

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function headersOf(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error("body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function send(res: http.ServerResponse, status: number, body: unknown, contentType = "application/json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Replicate's problem-details error shape. */
export function problem(res: http.ServerResponse, status: number, title: string, detail: string): void {
  send(res, status, { type: "about:blank", title, status, detail, instance: null }, "application/problem+json");
}

/** One part of a multipart/form-data body (undici parses it), or null when absent or unreadable. */
export async function multipartPart(req: http.IncomingMessage, name: string): Promise<FormDataEntryValue | null> {
  const bytes = await readBody(req);
  try {
    const form = await new Request("http://fake.invalid/", {
      method: "POST",
      headers: { "content-type": header(req, "content-type") ?? "" },
      body: new Uint8Array(bytes),
    }).formData();
    return form.get(name);
  } catch {
    return null;
  }
}
