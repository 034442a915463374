/**
 * What kind of network an IP address belongs to, so a fetch of a provider-supplied URL can refuse
 * our own machine and private networks. IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4) are judged by the IPv4 address inside, so `[::ffff:127.0.0.1]` is loopback.
 */
import net from "node:net";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unique-local"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved";

type Rule = [cidr: string, cls: AddressClass];

const V4_RULES: Rule[] = [
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "private"], // carrier-grade NAT
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "reserved"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "reserved"],
  ["203.0.113.0/24", "reserved"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
];

const V6_RULES: Rule[] = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"], // deprecated site-local
  ["ff00::/8", "multicast"],
  ["100::/64", "reserved"], // discard
  ["2001::/32", "reserved"], // Teredo: tunnels to an address we cannot see
  ["2001:db8::/32", "reserved"],
];

/** One BlockList per class, first match wins in rule order. */
function compile(rules: Rule[], type: "ipv4" | "ipv6"): Array<[net.BlockList, AddressClass]> {
  return rules.map(([cidr, cls]) => {
    const [network, prefix] = cidr.split("/") as [string, string];
    const list = new net.BlockList();
    list.addSubnet(network, Number(prefix), type);
    return [list, cls];
  });
}

const V4 = compile(V4_RULES, "ipv4");
const V6 = compile(V6_RULES, "ipv6");

/** 16 bytes of an IPv6 address (already validated by net.isIPv6). */
function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0]!;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted[1]!.split(".").map(Number));
    text = text.slice(0, -dotted[1]!.length) + "0:0";
  }
  const [head, rest] = text.includes("::") ? (text.split("::") as [string, string]) : [text, null];
  const words = (s: string) => (s ? s.split(":").map((w) => parseInt(w, 16)) : []);
  const left = words(head);
  const right = rest === null ? [] : words(rest);
  const all = rest === null ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  const bytes = all.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that embed one. */
function embeddedIpv4(bytes: number[]): string | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const v4 = (at: number) => bytes.slice(at, at + 4).join(".");
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && bytes[15] === 1)) return v4(12); // ::a.b.c.d (deprecated)
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return v4(12); // NAT64
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2); // 6to4
  return null;
}

/** The class of an IP address; a string that is not an IP address is "reserved" (never fetched). */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = net.isIP(bare.split("%")[0]!);
  if (family === 4) return V4.find(([list]) => list.check(bare, "ipv4"))?.[1] ?? "public";
  if (family !== 6) return "reserved";
  const ipv4 = embeddedIpv4(ipv6Bytes(bare));
  if (ipv4) return classifyAddress(ipv4);
  const plain = bare.split("%")[0]!;
  return V6.find(([list]) => list.check(plain, "ipv6"))?.[1] ?? "public";
}
