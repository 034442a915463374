import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

/**
 * This studio's public origin: PUBLIC_URL when set, otherwise the Host the request came to.
 * X-Forwarded-* headers are not trusted: any client can send them, and a share link or preview
 * must never point at someone else's host. Behind a proxy, set PUBLIC_URL.
 */
export async function publicOrigin(): Promise<string> {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  const host = (await headers()).get("host") ?? `localhost:${env().PORT}`;
  return `http://${host}`;
}
