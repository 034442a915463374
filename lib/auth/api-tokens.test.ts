import { describe, expect, it } from "vitest";
import { insertUser, tempDb } from "../../e2e/support/test-db";
import { apiTokens } from "../db/schema";
import { createApiToken, listApiTokens, revokeApiToken, userIdForToken } from "./api-tokens";

describe("API tokens", () => {
  it("are shown once in full and stored only as a hash", () => {
    const db = tempDb();
    const u = insertUser(db);
    const { token, row } = createApiToken(db, u.id, "laptop");
    expect(token).toMatch(/^dly_[A-Za-z0-9_-]{43}$/);
    const stored = db.select().from(apiTokens).all();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(token.startsWith(stored[0]!.prefix)).toBe(true);
    expect(stored[0]!.prefix.length).toBeLessThan(token.length / 3);
    expect(row).toMatchObject({ userId: u.id, name: "laptop", lastUsedAt: null });
  });

  it("resolve to their user, and note when they were used", () => {
    const db = tempDb();
    const a = insertUser(db);
    const b = insertUser(db);
    const ta = createApiToken(db, a.id, "a");
    const tb = createApiToken(db, b.id, "b");
    expect(ta.token).not.toBe(tb.token);
    expect(userIdForToken(db, ta.token)).toBe(a.id);
    expect(userIdForToken(db, tb.token)).toBe(b.id);
    expect(listApiTokens(db, a.id).map((t) => t.id)).toEqual([ta.row.id]);
    expect(listApiTokens(db, a.id)[0]!.lastUsedAt).toBeGreaterThan(0);
  });

  it("stop working once revoked, and only their owner can revoke them", () => {
    const db = tempDb();
    const a = insertUser(db);
    const b = insertUser(db);
    const { token, row } = createApiToken(db, a.id, "a");
    expect(revokeApiToken(db, b.id, row.id)).toBe(false);
    expect(userIdForToken(db, token)).toBe(a.id);
    expect(revokeApiToken(db, a.id, row.id)).toBe(true);
    expect(userIdForToken(db, token)).toBeNull();
    expect(revokeApiToken(db, a.id, row.id)).toBe(false);
    expect(listApiTokens(db, a.id)).toEqual([]);
  });

  it("answer null for wrong, altered and odd tokens", () => {
    const db = tempDb();
    const a = insertUser(db);
    const { token, row } = createApiToken(db, a.id, "a");
    const odd = [
      "",
      "dly_",
      token.slice(0, -1),
      `${token}x`,
      token.toUpperCase(),
      token.replace("dly_", "xyz_"),
      token.slice(4),
      row.tokenHash,
      row.prefix,
      `dly_${"A".repeat(43)}`,
      `dly_${"x".repeat(5000)}`,
      "dly_' OR 1=1 --",
      ` ${token}`,
    ];
    for (const t of odd) expect(userIdForToken(db, t), t).toBeNull();
  });
});
