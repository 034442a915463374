import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import * as schema from "../db/schema";
import { env } from "../env";

function build() {
  const e = env();
  return betterAuth({
    appName: "Dailies",
    baseURL: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    secret: e.APP_SECRET,
    database: drizzleAdapter(db(), {
      provider: "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    advanced: { cookiePrefix: "dailies", useSecureCookies: (e.PUBLIC_URL ?? "").startsWith("https://") },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof build>;

const holder = globalThis as typeof globalThis & { __dailiesAuth?: Auth };

/** The better-auth instance, on the app's SQLite database. Only server actions call it; no auth route is mounted. */
export function auth(): Auth {
  holder.__dailiesAuth ??= build();
  return holder.__dailiesAuth;
}
