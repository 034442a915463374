import { openApiDocument } from "@/lib/openapi/document";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this studio's JSON API; public, like any API reference. */
export function GET(req: Request): Response {
  const origin = env().PUBLIC_URL ?? new URL(req.url).origin;
  return Response.json(openApiDocument(origin), { headers: { "cache-control": "public, max-age=300" } });
}
