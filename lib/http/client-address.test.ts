import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDataDir } from "../../e2e/support/test-db";
import { env, resetEnvCache } from "../env";
import { clientAddress, PEER_HEADER } from "./client-address";

const ENTRY = Symbol.for("dailies.server-entry");
const entry = globalThis as Record<symbol, unknown>;
const savedEnv = { ...process.env };

const asked = (peer: string, forwarded?: string) =>
  new Headers({ [PEER_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

function trust(proxies: string) {
  process.env.TRUSTED_PROXIES = proxies;
  resetEnvCache();
}

beforeEach(() => {
  process.env.DATA_DIR = tempDataDir();
  delete process.env.TRUSTED_PROXIES;
  resetEnvCache();
  entry[ENTRY] = { peerHeader: PEER_HEADER };
});

afterEach(() => {
  delete entry[ENTRY];
});

afterAll(() => {
  process.env = savedEnv;
  resetEnvCache();
});

describe("clientAddress", () => {
  it("is the socket's address whatever X-Forwarded-For says, with no trusted proxy", () => {
    for (const forwarded of ["1.2.3.4", "5.6.7.8, 9.9.9.9", "garbage"]) expect(clientAddress(asked("203.0.113.9", forwarded))).toBe("203.0.113.9");
    expect(clientAddress(asked("::ffff:127.0.0.1", "1.2.3.4"))).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the last hop that is not a trusted proxy", () => {
    trust("10.0.0.0/8, 192.168.1.1");
    expect(clientAddress(asked("10.0.0.5", "198.51.100.7"))).toBe("198.51.100.7");
    // A client that prepends its own X-Forwarded-For cannot choose who it is.
    expect(clientAddress(asked("10.0.0.5", "6.6.6.6, 198.51.100.7, 192.168.1.1"))).toBe("198.51.100.7");
    // The proxy's own header missing: the proxy is all we know.
    expect(clientAddress(asked("10.0.0.5"))).toBe("10.0.0.5");
    // An untrusted peer's header is ignored.
    expect(clientAddress(asked("203.0.113.9", "198.51.100.7"))).toBe("203.0.113.9");
  });

  it("is unknown when the server was not started by the server entry, since the header could be the client's", () => {
    delete entry[ENTRY];
    expect(clientAddress(asked("203.0.113.9"))).toBeNull();
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or CIDR, naming it", () => {
    trust("10.0.0.0/8, proxy.internal");
    expect(() => env()).toThrow(/TRUSTED_PROXIES has "proxy.internal"/);
    trust("10.0.0.0/33");
    expect(() => env()).toThrow(/TRUSTED_PROXIES/);
  });
});
