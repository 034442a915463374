import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { deleteApiToken, findApiTokenByHash, insertApiTokenWithinLimit, listApiTokens as listRows, touchApiToken } from "../db/queries/api-tokens";
import type { ApiToken } from "../db/schema";

const PREFIX = "dly_";

/** More tokens than this for one person is a mistake, not a need. */
export const MAX_API_TOKENS = 25;

/** SHA-256 is enough here: tokens carry 256 random bits, so there is nothing to brute-force. */
function hash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Creates a token and returns it once in full; only its hash is kept. Null when the user already has MAX_API_TOKENS. */
export async function createApiToken(db: Db, userId: string, name: string): Promise<{ token: string; row: ApiToken } | null> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await insertApiTokenWithinLimit(db, {
    id: randomBytes(12).toString("base64url"),
    userId,
    name,
    tokenHash: hash(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdAt: Date.now(),
  }, MAX_API_TOKENS);
  return row ? { token, row } : null;
}

export function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return listRows(db, userId);
}

export function revokeApiToken(db: Db, userId: string, id: string): Promise<boolean> {
  return deleteApiToken(db, userId, id);
}

/** The user a bearer token belongs to, or null. Looked up by hash, so no token is ever compared in the clear. */
export async function userIdForToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await findApiTokenByHash(db, hash(token));
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) await touchApiToken(db, row.id, now);
  return row.userId;
}
