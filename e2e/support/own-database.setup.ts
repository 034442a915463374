/**
 * Vitest setup, run before each test file: under `npm run test:scale` the file's DATABASE_URL
 * (what the app's own `db()` opens) becomes a fresh database of its own, as on a fresh install,
 * instead of the test server's database shared by every file. Shared, one file's worker claimed
 * the jobs another file had just seeded (CI: cleanup.test.ts lost the renders it meant to keep).
 * Without Postgres it does nothing, and loads nothing heavy: each file's app database is the
 * SQLite file in its DATA_DIR.
 */
import { SERVER_URL_VAR, testPostgresUrl } from "./test-postgres-server";

const server = testPostgresUrl();
if (server) {
  const { freshPostgresDatabase } = await import("./test-postgres");
  process.env[SERVER_URL_VAR] = server;
  process.env.DATABASE_URL = await freshPostgresDatabase();
}
