import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db/client";
import { isDisabled } from "../db/queries/accounts";
import { userIdForToken } from "./api-tokens";
import { auth } from "./auth";

export interface Viewer {
  userId: string;
  email: string | null;
  name: string | null;
  /** How they proved it: a browser session cookie, or a personal API token. */
  via: "session" | "token";
}

async function fromHeaders(h: Headers): Promise<Viewer | null> {
  const viewer = await claimedViewer(h);
  // A disabled person's tokens and sessions (any that outlived the disabling) prove nothing.
  return viewer && !(await isDisabled(await db(), viewer.userId)) ? viewer : null;
}

async function claimedViewer(h: Headers): Promise<Viewer | null> {
  const bearer = h.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const userId = await userIdForToken(await db(), bearer);
    return userId ? { userId, email: null, name: null, via: "token" } : null;
  }
  if (!h.get("cookie")) return null;
  const session = await (await auth()).api.getSession({ headers: h });
  if (!session) return null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name, via: "session" };
}

/** Who is asking, in a page, layout or server action (session cookie); looked up once per request. */
export const currentViewer = cache(async (): Promise<Viewer | null> => fromHeaders(new Headers(await headers())));

/** Who is asking, in a route handler: the session cookie or `Authorization: Bearer <API token>`. */
export function viewerFromRequest(req: Request): Promise<Viewer | null> {
  return fromHeaders(req.headers);
}
