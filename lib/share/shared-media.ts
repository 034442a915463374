/** Shared media must never be indexed, and must be re-checked on every use so a revoked link stops at once. */
export const SHARED_MEDIA_HEADERS = { "x-robots-tag": "noindex, nofollow" } as const;
export const SHARED_MEDIA_CACHE = "private, no-cache";

/**
 * A presigned URL cannot be revoked, so a shared one lives at most two minutes (between one and
 * two: see serve-file's signing window), and the redirect to it is never cached: after a revoke
 * the next request stops at our route.
 */
export const SHARED_MEDIA_PRESIGN = { ttlSeconds: 120, cacheRedirect: false } as const;
