/** Types for scripts/pg-server.mjs (plain JavaScript, so `node scripts/pg-test-server.mjs` runs without a loader). */
export function findPgBin(): string | null;
export function startPgServer(): Promise<{ url: string; stop(): void }>;
