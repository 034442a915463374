/**
 * Next.js drops Content-Length from route handler responses, so a HEAD gives no size and a full
 * GET is chunked. Media routes also send the length under this name; the server entry
 * (scripts/start.mjs, which spells the same name) turns it back into Content-Length.
 */
export const MEDIA_LENGTH_HEADER = "x-dailies-content-length";

/** Content-Length plus its private twin, for a body of `bytes` bytes. */
export function lengthHeaders(bytes: number): Record<string, string> {
  return { "content-length": String(bytes), [MEDIA_LENGTH_HEADER]: String(bytes) };
}
