import { SIGNED_OUT } from "@/lib/actions/result";

/**
 * GET-style JSON from our own API. Every failure becomes an Error whose message a person can
 * read: the server's own sentence when it sent one, "sign in again" for 401, else `fallback`.
 * An aborted request rethrows as it was, so React Query sees a cancellation.
 */
export async function fetchJson<T>(url: string, init: RequestInit, fallback: string): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new Error(fallback);
  }
  if (res.ok) return (await res.json()) as T;
  if (res.status === 401) throw new Error(SIGNED_OUT);
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? fallback);
}
