/**
 * A loopback HTTP server in the test process that hands requests to the app's real route
 * handlers (`app/api/.../route.ts`), as `next start` would, without a build. It records
 * every answer, so a test can read what the route said to a delivery it did not send itself.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Route {
  method: string;
  /** `/api/webhooks/:provider`: `:name` matches one path segment. */
  path: string;
  handler: Handler;
}

export interface Answer {
  method: string;
  url: URL;
  status: number;
  /** The JSON body of the answer, when it was JSON. */
  json: unknown;
}

export interface RouteServer {
  url: string;
  answers: Answer[];
  close(): Promise<void>;
}

function matcher(pattern: string): (pathname: string) => Record<string, string> | null {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:([a-z]+)/gi, (_, n: string) => (names.push(n), "([^/]+)"))}$`);
  return (pathname) => {
    const m = re.exec(pathname);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : null;
  };
}

export async function startRouteServer(routes: Route[]): Promise<RouteServer> {
  const table = routes.map((r) => ({ ...r, match: matcher(r.path) }));
  const answers: Answer[] = [];
  let origin = "";

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const route = table.find((r) => r.method === method && r.match(url.pathname));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const request = new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks) });
    const response = await route.handler(request, { params: Promise.resolve(route.match(url.pathname)!) });
    const isJson = response.headers.get("content-type")?.includes("application/json");
    const json: unknown = isJson ? await response.clone().json().catch(() => null) : null;
    answers.push({ method, url, status: response.status, json });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body && method !== "HEAD") Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error("[route-server]", err);
      if (!res.headersSent) res.writeHead(500).end(String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
