// Postgres migrations: `npx drizzle-kit generate --config drizzle.pg.config.ts`.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/pg.ts",
  out: "./drizzle/pg",
});
