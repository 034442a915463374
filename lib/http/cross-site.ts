const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the session cookie with any site's form post, so a change made with a cookie
 * must come from our own pages: its Origin must be this host. Token calls carry no ambient
 * credential and need no such check; scripts that send a cookie but no Origin are not browsers.
 */
export function crossSiteWithCookie(req: Request, via: "session" | "token"): boolean {
  if (via !== "session" || SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") === "cross-site";
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true;
  }
}
