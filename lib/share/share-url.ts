import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

/** This studio's public origin: PUBLIC_URL when set, otherwise the host the request came to. */
export async function publicOrigin(): Promise<string> {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? `localhost:${env().PORT}`;
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export const sharePath = (token: string) => `/s/${token}`;
export const shareVideoPath = (token: string) => `/s/${token}/video.mp4`;
export const sharePosterPath = (token: string) => `/s/${token}/poster.jpg`;
export const shareEmbedPath = (token: string) => `/s/${token}/embed`;
