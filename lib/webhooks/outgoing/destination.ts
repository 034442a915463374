import "server-only";
import dns from "node:dns/promises";
import net from "node:net";
import { classifyAddress, type AddressClass } from "../../http/address-class";

const PRIVATE_NETWORKS: readonly AddressClass[] = ["loopback", "private", "link-local", "unique-local"];
export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) => (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why Dailies would not send webhooks to `url`, as a sentence, or null when it would. Checked
 * when an endpoint is added so the person hears it at once; every delivery goes through
 * guardedFetch, which checks again (the name may point elsewhere by then).
 */
export async function destinationProblem(url: URL, allowPrivate: boolean, resolve: Resolve = systemResolve): Promise<string | null> {
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// address.";
  if (url.username || url.password) return "Leave the user name and password out of the address: every delivery is signed instead.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : await resolve(host).catch(() => [] as string[]);
  if (!addresses.length) return `Dailies cannot find ${url.hostname}. Check the address.`;
  const classes = addresses.map(classifyAddress);
  const isPrivate = (c: AddressClass) => PRIVATE_NETWORKS.includes(c);
  if (classes.some((c) => c !== "public" && !isPrivate(c))) return `Dailies will not send webhooks to ${url.hostname}: it is not a usable network address.`;
  if (classes.some(isPrivate) && !allowPrivate)
    return `${url.hostname} is on a private or local network, where Dailies does not send webhooks unless the owner sets OUTGOING_WEBHOOKS_ALLOW_PRIVATE=true.`;
  if (url.protocol === "http:" && !classes.every(isPrivate))
    return "Use an https:// address: plain http is allowed only for receivers on a private network (with OUTGOING_WEBHOOKS_ALLOW_PRIVATE=true).";
  return null;
}
