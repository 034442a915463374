/**
 * A reverse proxy on 127.0.0.1 that hands each request to the next upstream in turn, as a load
 * balancer without sticky sessions does: consecutive navigations, API calls, server actions and
 * event streams of one browser land on different web servers. It keeps the Host header (so the
 * app's Origin checks and PUBLIC_URL see the proxy's address, as behind a real proxy) and streams
 * both ways without buffering (Server-Sent Events, Range requests).
 */
import http from "node:http";
import type net from "node:net";

export interface RoundRobinProxy {
  url: string;
  /** Where requests go from now on (the proxy starts first: the servers behind it need its URL as PUBLIC_URL). */
  route(upstreams: string[]): void;
  /** Requests handed to each upstream so far, by its URL (a restarted server has a new one). */
  served(): Record<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let targets: URL[] = [];
  const counts = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true });
  let next = 0;
  const server = http.createServer((req, res) => {
    if (!targets.length) return void res.writeHead(503, { "content-type": "text/plain" }).end("no web server behind the proxy yet");
    const bodiless = req.method === "GET" || req.method === "HEAD";
    const send = (tries: number): void => {
      const i = next++ % targets.length;
      const target = targets[i]!;
      counts.set(target.origin, (counts.get(target.origin) ?? 0) + 1);
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...answer.headers, "x-test-upstream": String(i) });
          res.flushHeaders();
          answer.pipe(res);
          // The server died mid-answer: break the answer off too, so the client sees an error, not a short file.
          answer.once("close", () => {
            if (!answer.complete) res.destroy();
          });
        },
      );
      upstream.on("error", () => {
        // A server that died (or was just taken out of rotation) before answering: a request without a
        // body is safe to send again, to the next server, as load balancers do, once to each server in
        // rotation now (which no longer counts the one that died, if it was taken out meanwhile).
        if (!res.headersSent && bodiless && tries <= targets.length) return send(tries + 1);
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end(`upstream ${target.host} did not answer`);
        else res.destroy();
      });
      // The browser went away (a closed event stream, an aborted video range): so does our request upstream.
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (bodiless) upstream.end();
      else req.pipe(upstream);
    };
    send(1);
  });
  const sockets = new Set<net.Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route(upstreams) {
      targets = upstreams.map((u) => new URL(u));
    },
    served: () => Object.fromEntries(counts),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open event streams would otherwise hold close() forever.
      for (const s of sockets) s.destroy();
      agent.destroy();
      await closed;
    },
  };
}
