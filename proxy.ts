import { NextResponse, type NextRequest } from "next/server";
import { appError, errorResponse } from "./lib/errors";
import { hasMalformedEscape, isForeignActionPost } from "./lib/http/request-guards";

const BROKEN_ESCAPE = "This address has a broken %-escape in it.";

const plain = (status: number, text: string) => new NextResponse(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Answers what Next.js would answer with 500: undecodable paths (400) and cross-site server action posts (403). */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (hasMalformedEscape(pathname))
    return pathname.startsWith("/api/") ? errorResponse(appError("bad_request", BROKEN_ESCAPE)) : plain(400, BROKEN_ESCAPE);
  if (isForeignActionPost(request.method, pathname, request.headers))
    return plain(403, "This form was sent from another site, so Dailies refused it.");
  return NextResponse.next();
}

export const config = {
  matcher: [
    // Only paths with a % in them can hold a broken escape; everything else (media above all) skips the proxy.
    "/:path(.*%.*)",
    // Pages that a browser posts a server action to carry an Origin.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "origin" }] },
  ],
};
