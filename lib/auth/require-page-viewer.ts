import "server-only";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { hasAnyUser } from "./instance";
import { currentViewer, type Viewer } from "./viewer";

/** For pages: the signed-in person, or a redirect to sign in (to sign up when the studio has no account yet). */
export async function requirePageViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (viewer) return viewer;
  if (!(await hasAnyUser(await db()))) redirect("/sign-up");
  redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
}
