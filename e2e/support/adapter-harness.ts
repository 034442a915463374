/** Small pieces adapter tests share: poll until terminal (bounded), read a response, serve an input image as "our signed URL". */
import { setTimeout as pause } from "node:timers/promises";
import { makeStillPng } from "../pw/sample-media";
import { startHttpFake, type HttpFake } from "../fakes/kit/http";
import type { ProviderJobRef, ProviderUpdate, VideoProvider } from "../../lib/providers/types";

export async function pollUntilDone(provider: VideoProvider, ref: ProviderJobRef, timeoutMs = 10_000): Promise<ProviderUpdate> {
  const until = Date.now() + timeoutMs;
  let last: ProviderUpdate | null = null;
  while (Date.now() < until) {
    last = await provider.poll(ref);
    if (last.status === "succeeded" || last.status === "failed" || last.status === "canceled") return last;
    await pause(20);
  }
  throw new Error(`still ${last?.status ?? "unpolled"} after ${timeoutMs} ms`);
}

export async function bodyOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

/** Whether the bytes start like an MP4 (an `ftyp` box). */
export const looksLikeMp4 = (bytes: Buffer) => bytes.subarray(4, 8).toString("latin1") === "ftyp";

/** Serves one PNG at `/signed/still.png`, standing in for the signed input-image URL to our server. */
export async function startImageServer(): Promise<HttpFake & { url: string; hits: () => number }> {
  const png = await makeStillPng(64, 36);
  let hits = 0;
  const server = await startHttpFake((req, res) => {
    if (req.url.pathname !== "/signed/still.png") {
      res.writeHead(404).end();
      return;
    }
    hits += 1;
    res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
  });
  return { ...server, url: `${server.origin}/signed/still.png`, hits: () => hits };
}
