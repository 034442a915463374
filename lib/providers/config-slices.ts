/**
 * Every provider's settings slice, merged into lib/env.ts's schema. One line per provider
 * folder; the slices are pure zod (no env reads), so env.ts can import them.
 */
export const providerConfigShape = {};
