/** Shared media must never be indexed, and must be re-checked on every use so a revoked link stops at once. */
export const SHARED_MEDIA_HEADERS = { "x-robots-tag": "noindex, nofollow" } as const;
export const SHARED_MEDIA_CACHE = "private, no-cache";
