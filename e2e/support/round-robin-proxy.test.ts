/**
 * The test proxy in front of two web servers (./round-robin-proxy) behaves as a load balancer does
 * when one server dies: a GET that server took and never answered goes to a server still in
 * rotation, also when the dying one was taken out of rotation while the request was in flight
 * (the chaos run's web kill: a video fetch then came back 502, counted as a bad file served).
 * A request with a body is not sent twice.
 */
import http from "node:http";
import type net from "node:net";
import { afterEach, expect, test } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A server that calls `onRequest` with each request; the test answers it or kills its socket. */
async function upstream(onRequest: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer(onRequest);
  const sockets = new Set<net.Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function proxyFor(upstreams: string[]): Promise<RoundRobinProxy> {
  const proxy = await startRoundRobinProxy();
  proxy.route(upstreams);
  closers.push(() => proxy.close());
  return proxy;
}

test("a GET the dying server took is answered by the server left in rotation", async () => {
  let proxy: RoundRobinProxy | null = null;
  let survivor = "";
  // The first server takes the request, is taken out of rotation, and dies without answering.
  const dying = await upstream((req) => {
    proxy!.route([survivor]);
    req.socket.destroy();
  });
  survivor = await upstream((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("whole video"));
  proxy = await proxyFor([dying, survivor]);

  const res = await fetch(`${proxy.url}/media/videos/a.mp4`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe("whole video");
  expect(proxy.served()).toEqual({ [dying]: 1, [survivor]: 1 });
});

test("a POST the dying server took is not sent again: the client hears 502", async () => {
  const bodies: string[] = [];
  const dying = await upstream((req) => req.socket.destroy());
  const other = await upstream((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      bodies.push(body);
      res.end("ok");
    });
  });
  const proxy = await proxyFor([dying, other]);

  const res = await fetch(`${proxy.url}/api/jobs`, { method: "POST", body: "generate once" });
  expect(res.status).toBe(502);
  expect(bodies).toEqual([]);
  // The next request goes on round the rotation, to the other server.
  const next = await fetch(`${proxy.url}/api/jobs`, { method: "POST", body: "second" });
  expect(await next.text()).toBe("ok");
  expect(bodies).toEqual(["second"]);
});

test("a GET no server answers ends in 502 after each server in rotation was tried", async () => {
  const a = await upstream((req) => req.socket.destroy());
  const b = await upstream((req) => req.socket.destroy());
  const proxy = await proxyFor([a, b]);

  const res = await fetch(`${proxy.url}/media/videos/a.mp4`);
  expect(res.status).toBe(502);
  const served = proxy.served();
  expect(served[a]! + served[b]!).toBeGreaterThanOrEqual(2);
  expect(served[a]).toBeGreaterThanOrEqual(1);
  expect(served[b]).toBeGreaterThanOrEqual(1);
});
