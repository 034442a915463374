import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // "server-only" throws outside React Server Components; tests are server code.
      "server-only": path.resolve(__dirname, "e2e/support/server-only-stub.ts"),
      "@": path.resolve(__dirname),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node",
    // Under test:scale, each test file's app database is a Postgres database of its own.
    setupFiles: ["e2e/support/own-database.setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
