import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiTokens, type ApiToken } from "../db/schema";

const PREFIX = "dly_";

/** SHA-256 is enough here: tokens carry 256 random bits, so there is nothing to brute-force. */
function hash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Creates a token and returns it once in full; only its hash is kept. */
export function createApiToken(db: Db, userId: string, name: string): { token: string; row: ApiToken } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = db
    .insert(apiTokens)
    .values({
      id: randomBytes(12).toString("base64url"),
      userId,
      name,
      tokenHash: hash(token),
      prefix: token.slice(0, PREFIX.length + 6),
      createdAt: Date.now(),
    })
    .returning()
    .get();
  return { token, row };
}

export function listApiTokens(db: Db, userId: string): ApiToken[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).all();
}

export function revokeApiToken(db: Db, userId: string, id: string): boolean {
  return db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId))).run().changes > 0;
}

/** The user a bearer token belongs to, or null. Looked up by hash, so no token is ever compared in the clear. */
export function userIdForToken(db: Db, token: string): string | null {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash(token))).get();
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return row.userId;
}
