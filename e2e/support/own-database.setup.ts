/**
 * Vitest setup, run before each test file: under `npm run test:scale` the file's DATABASE_URL
 * (what the app's own `db()` opens) becomes a fresh database of its own, as on a fresh install,
 * instead of the test server's database shared by every file. Shared, one file's worker claimed
 * the jobs another file had just seeded (CI: cleanup.test.ts lost the renders it meant to keep).
 * Without Postgres it does nothing, and loads nothing: each file's app database is the SQLite file
 * in its DATA_DIR.
 */
const SERVER_URL_VAR = "DAILIES_TEST_POSTGRES_SERVER"; // test-postgres.ts reads it (SERVER_URL_VAR there)
const server = process.env[SERVER_URL_VAR] ?? process.env.DATABASE_URL;

if (server && /^postgres(ql)?:\/\//i.test(server)) {
  const { freshPostgresDatabase } = await import("./test-postgres");
  process.env[SERVER_URL_VAR] = server;
  process.env.DATABASE_URL = await freshPostgresDatabase();
}

export {}; // a module, for the top-level await
