/**
 * Checks the proxy (proxy.ts) makes before Next.js routes a request, for answers Next itself gets
 * wrong: it fails with 500 on a path it cannot decode, and on a server action posted from
 * another site. Pure, so they run anywhere and are tested directly.
 */

/** A path with a `%` that is not a valid UTF-8 escape (`/s/%`, `/api/jobs/%E0%A4%A`): no route can be named by it. */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A POST to a page (where server actions run) whose Origin is not the host it was sent to.
 * Compared the way Next.js compares them (the first X-Forwarded-Host, else Host), so only what
 * Next would refuse anyway is refused, with 403 instead of its 500. The JSON API under /api does
 * its own same-origin check, and webhooks come from providers.
 */
export function isForeignActionPost(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
