/** A loopback webhook receiver for adapter tests; `/status/<code>` answers that status instead. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  path: string;
  headers: Headers;
  body: Buffer;
  json: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  /** Waits (bounded) for a delivery matching `match`, looking from `fromIndex` on. */
  waitFor(match: (d: Delivery) => boolean, fromIndex?: number, timeoutMs?: number): Promise<Delivery>;
  close(): Promise<void>;
}

/** `answer` is the status every delivery gets (Replicate-style receivers use 204, fal-style 200). */
export async function startWebhookReceiver(opts: { answer?: number } = {}): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = req.url?.match(/^\/status\/(\d{3})$/)?.[1];
      if (status) {
        res.writeHead(Number(status)).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      } catch {
        // not JSON: kept with an empty view
      }
      deliveries.push({ path: req.url ?? "", headers, body, json });
      res.writeHead(opts.answer ?? 204, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    async waitFor(match, fromIndex = 0, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = deliveries.slice(fromIndex).find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error("no matching webhook delivery arrived");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
