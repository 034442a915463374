import { env } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the session cookie with any site's form post, so a change made with a cookie
 * must come from our own pages: its Origin must be this studio, scheme included (a page served
 * over plain http on the same host is not ours when we are https). "Ours" is PUBLIC_URL, and the
 * scheme and Host the request came in on unless PUBLIC_URL names that host (then its scheme is the
 * one, even behind a proxy that does not pass the scheme on). Token calls carry no ambient credential and need no such
 * check; scripts that send a cookie but no Origin are not browsers.
 */
export function crossSiteWithCookie(req: Request, via: "session" | "token", publicUrl: string | undefined = env().PUBLIC_URL): boolean {
  if (via !== "session" || SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") === "cross-site";
  try {
    const host = req.headers.get("host");
    const configured = publicUrl ? new URL(publicUrl) : null;
    const ours = new Set(configured ? [configured.origin] : []);
    if (configured?.host !== host) ours.add(`${new URL(req.url).protocol}//${host}`);
    return !ours.has(new URL(origin).origin);
  } catch {
    return true;
  }
}
