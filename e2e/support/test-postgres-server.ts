/** Which Postgres test server this run has, if any. Loads nothing heavy: the per-file vitest setup asks it. */
import { isPostgresUrl } from "../../lib/db/target";

/**
 * Where the vitest setup (own-database.setup.ts) keeps the test server's URL once it has given the
 * test file's DATABASE_URL a database of its own.
 */
export const SERVER_URL_VAR = "DAILIES_TEST_POSTGRES_SERVER";

/** The test server's own database (it is never handed to a test), or null when this run has no Postgres. */
export function testPostgresUrl(): string | null {
  // Test harness, not the app: the app reads its settings through lib/env.ts.
  const url = process.env[SERVER_URL_VAR] ?? process.env.DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
}
