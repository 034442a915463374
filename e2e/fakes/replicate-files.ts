/** The fake Replicate's files: uploads (`POST /v1/files`) and the output MP4s it serves, which expire. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import { sampleVideo } from "../fixtures/sample-video";
import { multipartPart, problem, send } from "./replicate-http";
import { advance, type FakePrediction, type FakeTimings } from "./replicate-prediction";
import type { FakeUpload } from "./replicate-types";

/** `POST /v1/files`: a multipart `content` part, kept for tests to inspect, answered with its file object. */
export async function createFile(req: http.IncomingMessage, res: http.ServerResponse, apiBase: string, uploads: FakeUpload[]): Promise<void> {
  const content = await multipartPart(req, "content");
  if (!content || typeof content === "string") return problem(res, 400, "Bad request", "Missing multipart part \"content\".");
  const id = randomBytes(12).toString("hex");
  const file: FakeUpload = {
    id,
    filename: content.name,
    contentType: content.type || "application/octet-stream",
    bytes: Buffer.from(await content.arrayBuffer()),
    url: `${apiBase}/files/${id}`,
  };
  uploads.push(file);
  send(res, 201, {
    id,
    name: file.filename,
    content_type: file.contentType,
    size: file.bytes.length,
    etag: id,
    checksums: {},
    metadata: {},
    created_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    urls: { get: file.url },
  });
}

/** What serving an output reads: the predictions, their clock, and the download counts it adds to. */
export interface OutputState {
  downloads: Map<string, number>;
  predictions: Map<string, FakePrediction>;
  timings: FakeTimings;
  outputTtlMs: number;
}

/** An output MP4 (GET and HEAD, each GET counted): 404 once expired or removed, an HTML page for the "html" marker. */
export async function serveOutput(name: string, req: http.IncomingMessage, res: http.ServerResponse, { downloads, predictions, timings, outputTtlMs }: OutputState): Promise<void> {
  if (req.method === "GET") downloads.set(name, (downloads.get(name) ?? 0) + 1);
  const p = predictions.get(name.replace(/\.mp4$/, ""));
  if (p) advance(p, timings, outputTtlMs, Date.now());
  if (!p || p.status !== "succeeded" || p.dataRemoved || p.markers.has("expired")) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
    return;
  }
  if (p.markers.has("html")) {
    const page = "<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(page) });
    res.end(req.method === "HEAD" ? undefined : page);
    return;
  }
  const file = await sampleVideo();
  const { size } = await fs.promises.stat(file);
  res.writeHead(200, { "content-type": "video/mp4", "content-length": size, "cache-control": "public, max-age=3600" });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}
