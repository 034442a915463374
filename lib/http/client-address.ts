import "server-only";
import net from "node:net";
import { env } from "../env";

const ENTRY = Symbol.for("dailies.server-entry");
/** Set by the server entry (scripts/start.mjs) from the socket, over anything the client sent. */
export const PEER_HEADER = "x-dailies-peer";

let proxies: { source: string[]; list: net.BlockList } | null = null;

function trustedProxies(): net.BlockList {
  const source = env().TRUSTED_PROXIES;
  if (proxies?.source === source) return proxies.list;
  const list = new net.BlockList();
  for (const entry of source) {
    const [address = "", prefix] = entry.split("/");
    const type = net.isIPv6(address) ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  proxies = { source, list };
  return list;
}

/** `::ffff:1.2.3.4` (how a dual-stack socket reports IPv4) as `1.2.3.4`; anything else as given. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(address: string): boolean {
  const ip = plain(address);
  const family = net.isIP(ip);
  return family !== 0 && trustedProxies().check(ip, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The address of whoever is asking: the socket's, or behind a trusted proxy (TRUSTED_PROXIES)
 * the last X-Forwarded-For hop that is not itself a trusted proxy. Null when the server was not
 * started by `npm start` (plain `next start`, `next dev`): then nothing tells the socket apart
 * from a header the client made up, and callers treat every client as one.
 */
export function clientAddress(headers: Headers): string | null {
  if (!(globalThis as Record<symbol, unknown>)[ENTRY]) return null;
  const peer = headers.get(PEER_HEADER);
  if (!peer) return null;
  if (!isTrusted(peer)) return plain(peer);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter((hop) => net.isIP(hop));
  for (let i = chain.length - 1; i >= 0; i--) if (!isTrusted(chain[i]!)) return chain[i]!;
  return chain[0] ?? plain(peer);
}
