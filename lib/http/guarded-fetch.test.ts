import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../../e2e/support/test-db";
import { resetEnvCache } from "../env";
import { ProviderError } from "../providers/kit/errors";
import { guardedFetch, guardedFetchWith, type Lookup } from "./guarded-fetch";

/** A loopback server that records every request it gets and answers by path. */
interface Loopback {
  url: string;
  port: number;
  seen: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

async function loopback(routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void>): Promise<Loopback> {
  const seen: Loopback["seen"] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      seen.push({ method: req.method ?? "", path, headers: req.headers, body });
      const route = routes[path];
      if (route) route(req, res, body);
      else res.writeHead(404).end("no route");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

const redirectTo = (status: number, location: (req: http.IncomingMessage) => string) => (req: http.IncomingMessage, res: http.ServerResponse) =>
  res.writeHead(status, { location: location(req) }).end();

const BASE = { service: "The provider", timeoutMs: 5_000 };
const PRIVATE = "The provider gave an address Dailies will not fetch (a private or local network address).";

async function refusal(promise: Promise<Response>): Promise<ProviderError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

let a: Loopback;
let b: Loopback;
const savedEnv = { ...process.env };

beforeAll(async () => {
  process.env.DATA_DIR = tempDataDir();
  delete process.env.ALLOW_INSECURE_PROVIDER_URLS;
  resetEnvCache();
  a = await loopback({
    "/video": (_req, res) => res.writeHead(200, { "content-type": "video/mp4" }).end("VIDEO"),
    "/gzip": (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync("unzipped")),
    "/echo": (req, res, body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, headers: req.headers, body })),
    "/loop": redirectTo(302, () => "/loop"),
    "/to-b": redirectTo(302, () => `${b.url}/echo`),
    "/to-same": redirectTo(307, () => "/echo"),
    "/see-other": redirectTo(303, () => "/echo"),
    "/hang": () => undefined,
    "/to-lan": redirectTo(302, () => "http://192.168.1.10/video"),
    "/to-metadata": redirectTo(302, () => "http://169.254.169.254/latest/meta-data/"),
    "/to-ula": redirectTo(302, () => "http://[fd00::1]/video"),
    "/to-decimal": redirectTo(301, () => `http://2130706433:${a.port}/video`),
  });
  b = await loopback({ "/echo": (req, res) => res.writeHead(200).end(JSON.stringify({ headers: req.headers })) });
});

afterEach(() => {
  delete process.env.ALLOW_INSECURE_PROVIDER_URLS;
  resetEnvCache();
});

afterAll(async () => {
  await a.close();
  await b.close();
  process.env = savedEnv;
  resetEnvCache();
});

describe("guardedFetch without a trusted base", () => {
  it("refuses our own machine in every spelling, without connecting", async () => {
    const port = a.port;
    const urls = [
      `http://127.0.0.1:${port}/video`,
      `http://127.0.0.2:${port}/video`,
      `http://localhost:${port}/video`,
      `http://2130706433:${port}/video`,
      `http://0x7f.1:${port}/video`,
      `http://017700000001:${port}/video`,
      `http://0.0.0.0:${port}/video`,
      `http://[::ffff:127.0.0.1]:${port}/video`,
      `http://[::1]:${port}/video`,
      `https://127.0.0.1:${port}/video`,
    ];
    for (const url of urls) expect((await refusal(guardedFetch(url, BASE))).message, url).toBe(PRIVATE);
    expect(a.seen).toHaveLength(0);
  });

  it("answers an open and a closed port with the same sentence", async () => {
    const closed = await loopback({});
    await closed.close();
    const open = await refusal(guardedFetch(`${a.url}/video`, BASE));
    const shut = await refusal(guardedFetch(`${closed.url}/video`, BASE));
    expect(shut.message).toBe(open.message);
    expect(shut.retryable).toBe(false);
  });

  it("refuses private, link-local and unique-local hosts and names that resolve to them", async () => {
    const lookup: Lookup = async (host) =>
      ({ "lan.example.test": [{ address: "10.0.0.7", family: 4 }], "mixed.example.test": [{ address: "93.184.216.34", family: 4 }, { address: "127.0.0.1", family: 4 }] })[host] ?? [];
    for (const url of ["https://192.168.1.10/v", "https://172.20.0.1/v", "https://100.64.1.1/v", "https://169.254.169.254/latest/meta-data/", "https://[fd00::1]/v", "https://[fe80::1]/v", "https://lan.example.test/v", "https://mixed.example.test/v"])
      expect((await refusal(guardedFetchWith(lookup, url, BASE))).message, url).toBe(PRIVATE);
  });

  it("refuses plain http and other schemes on the public internet", async () => {
    const lookup: Lookup = async () => [{ address: "93.184.216.34", family: 4 }];
    expect((await refusal(guardedFetchWith(lookup, "http://cdn.example.test/v.mp4", BASE))).message).toBe(
      "The provider gave an address Dailies will not fetch (not an https address).",
    );
    for (const url of ["file:///etc/passwd", "ftp://cdn.example.test/v.mp4", "data:text/plain,hi"])
      expect((await refusal(guardedFetchWith(lookup, url, BASE))).message, url).toMatch(/will not fetch/);
    expect((await refusal(guardedFetchWith(lookup, "https://user:pw@cdn.example.test/v", BASE))).message).toMatch(/will not fetch/);
  });

  it("still refuses private addresses when insecure URLs are allowed", async () => {
    process.env.ALLOW_INSECURE_PROVIDER_URLS = "true";
    resetEnvCache();
    expect((await refusal(guardedFetch(`${a.url}/video`, BASE))).message).toBe(PRIVATE);
    expect(a.seen.filter((r) => r.path === "/video")).toHaveLength(0);
  });
});

describe("guardedFetch with a loopback trusted base (a fake in tests)", () => {
  const trusted = () => ({ ...BASE, trustedBaseUrl: `${a.url}/v1` });

  it("fetches from the trusted network over http", async () => {
    const res = await guardedFetch(`${a.url}/video`, trusted());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(await res.text()).toBe("VIDEO");
    expect(res.url).toBe(`${a.url}/video`);
  });

  it("decodes a compressed body as fetch does", async () => {
    const res = await guardedFetch(`${a.url}/gzip`, trusted());
    expect(await res.text()).toBe("unzipped");
    expect(res.headers.get("content-encoding")).toBeNull();
  });

  it("re-checks every redirect and refuses one into a private or link-local network", async () => {
    for (const path of ["/to-lan", "/to-metadata", "/to-ula"])
      expect((await refusal(guardedFetch(`${a.url}${path}`, trusted()))).message, path).toBe(PRIVATE);
  });

  it("follows a redirect to a numeric spelling of the trusted network", async () => {
    const res = await guardedFetch(`${a.url}/to-decimal`, trusted());
    expect(await res.text()).toBe("VIDEO");
  });

  it("stops after maxRedirects hops", async () => {
    const before = a.seen.length;
    const err = await refusal(guardedFetch(`${a.url}/loop`, trusted()));
    expect(err.message).toBe("The provider redirected more than 5 times; Dailies stopped following.");
    expect(a.seen.length - before).toBe(6);
    const again = a.seen.length;
    await refusal(guardedFetch(`${a.url}/loop`, { ...trusted(), maxRedirects: 2 }));
    expect(a.seen.length - again).toBe(3);
  });

  it("drops credentials on a redirect to another origin and keeps them on the same origin", async () => {
    const headers = { authorization: "Token secret", "x-api-key": "k", "x-key": "k2", cookie: "a=b", accept: "video/*" };
    const cross = (await (await guardedFetch(`${a.url}/to-b`, { ...trusted(), headers })).json()) as { headers: Record<string, string> };
    expect(cross.headers.authorization).toBeUndefined();
    expect(cross.headers["x-api-key"]).toBeUndefined();
    expect(cross.headers["x-key"]).toBeUndefined();
    expect(cross.headers.cookie).toBeUndefined();
    expect(cross.headers.accept).toBe("video/*");
    const same = (await (await guardedFetch(`${a.url}/to-same`, { ...trusted(), headers })).json()) as { headers: Record<string, string> };
    expect(same.headers.authorization).toBe("Token secret");
  });

  it("turns a POST into a GET without its body on 303, and keeps both on 307", async () => {
    const post = { ...trusted(), method: "POST", body: JSON.stringify({ a: 1 }), headers: { "content-type": "application/json" } };
    const seeOther = (await (await guardedFetch(`${a.url}/see-other`, post)).json()) as { method: string; body: string };
    expect(seeOther).toMatchObject({ method: "GET", body: "" });
    const temporary = (await (await guardedFetch(`${a.url}/to-same`, post)).json()) as { method: string; body: string };
    expect(temporary).toMatchObject({ method: "POST", body: '{"a":1}' });
  });

  it("times out as a retryable ProviderError", async () => {
    const err = await refusal(guardedFetch(`${a.url}/hang`, { ...trusted(), timeoutMs: 300 }));
    expect(err.code).toBe("timeout");
    expect(err.retryable).toBe(true);
  });

  it("connects to the address it checked, not to a second answer for the name", async () => {
    const asked: string[] = [];
    const lookup: Lookup = async (host) => {
      asked.push(host);
      return host === "video.example.test" ? [{ address: "127.0.0.1", family: 4 }] : [];
    };
    // The name exists only in this resolver: the socket can only have gone to the checked address.
    const res = await guardedFetchWith(lookup, `http://video.example.test:${a.port}/echo`, trusted());
    const echoed = (await res.json()) as { headers: Record<string, string> };
    expect(echoed.headers.host).toBe(`video.example.test:${a.port}`);
    expect(asked).toEqual(["video.example.test"]);
  });
});

describe("guardedFetch with a LAN trusted base (a ComfyUI on 192.168.x)", () => {
  const lookup: Lookup = async (host) => (host === "comfy.lan" ? [{ address: "192.168.1.20", family: 4 }] : []);
  const lan = { ...BASE, trustedBaseUrl: "http://comfy.lan:8188" };

  it("allows other private addresses but not our own machine", async () => {
    expect((await refusal(guardedFetchWith(lookup, `${a.url}/video`, lan))).message).toBe(PRIVATE);
    expect((await refusal(guardedFetchWith(lookup, `http://[::1]:${a.port}/video`, lan))).message).toBe(PRIVATE);
    expect((await refusal(guardedFetchWith(lookup, "http://169.254.169.254/", lan))).message).toBe(PRIVATE);
  });
});

describe("guardedFetch with allowPrivateNetworks (outgoing webhooks the owner allowed onto a private network)", () => {
  const allowed = { ...BASE, allowPrivateNetworks: true };

  it("reaches loopback and private addresses, over http too", async () => {
    const res = await guardedFetch(`${a.url}/video`, allowed);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("VIDEO");
  });

  it("still refuses unspecified, multicast and reserved addresses, and http on the public internet", async () => {
    const lookup: Lookup = async () => [{ address: "93.184.216.34", family: 4 }];
    for (const url of ["http://0.0.0.0/v", "http://224.0.0.1/v", "http://192.0.2.1/v"])
      expect((await refusal(guardedFetchWith(lookup, url, allowed))).message, url).toMatch(/will not fetch/);
    expect((await refusal(guardedFetchWith(lookup, "http://hooks.example.test/v", allowed))).message).toMatch(/not an https address/);
  });
});
