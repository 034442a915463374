/**
 * Where to go after sign-in: only a path on this site, so a crafted link cannot send someone
 * elsewhere. It is resolved the way a browser resolves it (tabs and newlines dropped, a
 * backslash read as a slash), and anything that lands on another origin becomes "/".
 */
export function safeNext(next: string | undefined | null): string {
  if (!next) return "/";
  const base = "http://dailies.invalid";
  try {
    const url = new URL(next, base);
    return url.origin === base ? url.pathname + url.search + url.hash : "/";
  } catch {
    return "/";
  }
}
