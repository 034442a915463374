/**
 * Accounts without the UI: a user row written straight into the app's database and a personal API
 * token for it, so API tests can call the server as that user (`Authorization: Bearer dly_…`).
 */
import { createApiToken } from "../../lib/auth/api-tokens";
import { claimOwnership } from "../../lib/auth/instance";
import { insertUser, withDb } from "./test-db";

export interface SeededUser {
  userId: string;
  email: string;
  token: string;
  /** Headers that make a request come from this user. */
  auth: { authorization: string };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/**
 * Adds a user with an API token to the database in `dataDir` (the server has already migrated it).
 * `owner: true` makes them the instance owner when there is none yet, as the first sign-up would.
 */
export function seedUser(dataDir: string, opts: { name?: string; email?: string; owner?: boolean } = {}): Promise<SeededUser> {
  return withDb(dataDir, async (db) => {
    const { id: userId, email } = await insertUser(db, { name: opts.name, email: opts.email });
    if (opts.owner) await claimOwnership(db, userId);
    const { token } = (await createApiToken(db, userId, "e2e"))!;
    return { userId, email, token, auth: bearer(token) };
  });
}
