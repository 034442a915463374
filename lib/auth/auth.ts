import "server-only";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db, type Db } from "../db/client";
import { env } from "../env";
import { admitNewAccount, SIGNUP_CLOSED_MESSAGE } from "./instance";

function build(database: Db) {
  const e = env();
  return betterAuth({
    appName: "Dailies",
    baseURL: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    secret: e.APP_SECRET,
    database: drizzleAdapter(database.orm, {
      // better-auth writes its tables on the app's own database, whichever engine that is.
      provider: database.dialect.name,
      schema: { user: database.t.user, session: database.t.session, account: database.t.account, verification: database.t.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    advanced: { cookiePrefix: "dailies", useSecureCookies: (e.PUBLIC_URL ?? "").startsWith("https://") },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
    databaseHooks: {
      user: {
        create: {
          // Decided here, right before the row is written and with its id chosen now, so that the
          // check and the owner's place are one atomic step (see admitNewAccount).
          before: async (user) => {
            const id = randomBytes(18).toString("base64url");
            if (!(await admitNewAccount(database, id))) throw new APIError("FORBIDDEN", { code: "SIGNUP_CLOSED", message: SIGNUP_CLOSED_MESSAGE });
            return { data: { ...user, id } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof build>;

const holder = globalThis as typeof globalThis & { __dailiesAuth?: Promise<Auth> };

/** The better-auth instance, on the app's database. Only server actions call it; no auth route is mounted. */
export function auth(): Promise<Auth> {
  holder.__dailiesAuth ??= db()
    .then(build)
    .catch((err: unknown) => {
      holder.__dailiesAuth = undefined;
      throw err;
    });
  return holder.__dailiesAuth;
}
