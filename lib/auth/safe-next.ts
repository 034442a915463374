/**
 * Where to go after sign-in: only a path on this site, so a crafted link cannot send someone
 * elsewhere. It is resolved the way a browser resolves it (tabs and newlines dropped, a
 * backslash read as a slash, dot segments applied), and anything that lands on another origin
 * becomes "/". A resolved path that still starts with `//` (from `/.//host`, `/a/..//host`, …)
 * is refused too: handed to the browser as a Location it would be read as another host.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next) return "/";
  const base = "http://dailies.invalid";
  try {
    const url = new URL(next, base);
    if (url.origin !== base) return "/";
    const path = url.pathname + url.search + url.hash;
    if (/^[/\\][/\\]/.test(path)) return "/";
    // What the browser will do with the answer: it must stay here too.
    return new URL(path, base).origin === base ? path : "/";
  } catch {
    return "/";
  }
}
