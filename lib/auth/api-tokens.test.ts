import { describe, expect, it } from "vitest";
import { insertUser, tempDb } from "../../e2e/support/test-db";
import { createApiToken, listApiTokens, MAX_API_TOKENS, revokeApiToken, userIdForToken } from "./api-tokens";

describe("API tokens", () => {
  it("are shown once in full and stored only as a hash", async () => {
    const db = await tempDb();
    const u = await insertUser(db);
    const { token, row } = (await createApiToken(db, u.id, "laptop"))!;
    expect(token).toMatch(/^dly_[A-Za-z0-9_-]{43}$/);
    const stored = await listApiTokens(db, u.id);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(token.startsWith(stored[0]!.prefix)).toBe(true);
    expect(stored[0]!.prefix.length).toBeLessThan(token.length / 3);
    expect(row).toMatchObject({ userId: u.id, name: "laptop", lastUsedAt: null });
  });

  it("resolve to their user, and note when they were used", async () => {
    const db = await tempDb();
    const a = await insertUser(db);
    const b = await insertUser(db);
    const ta = (await createApiToken(db, a.id, "a"))!;
    const tb = (await createApiToken(db, b.id, "b"))!;
    expect(ta.token).not.toBe(tb.token);
    expect(await userIdForToken(db, ta.token)).toBe(a.id);
    expect(await userIdForToken(db, tb.token)).toBe(b.id);
    expect((await listApiTokens(db, a.id)).map((t) => t.id)).toEqual([ta.row.id]);
    expect((await listApiTokens(db, a.id))[0]!.lastUsedAt).toBeGreaterThan(0);
  });

  it("stop working once revoked, and only their owner can revoke them", async () => {
    const db = await tempDb();
    const a = await insertUser(db);
    const b = await insertUser(db);
    const { token, row } = (await createApiToken(db, a.id, "a"))!;
    expect(await revokeApiToken(db, b.id, row.id)).toBe(false);
    expect(await userIdForToken(db, token)).toBe(a.id);
    expect(await revokeApiToken(db, a.id, row.id)).toBe(true);
    expect(await userIdForToken(db, token)).toBeNull();
    expect(await revokeApiToken(db, a.id, row.id)).toBe(false);
    expect(await listApiTokens(db, a.id)).toEqual([]);
  });

  it("answer null for wrong, altered and odd tokens", async () => {
    const db = await tempDb();
    const a = await insertUser(db);
    const { token, row } = (await createApiToken(db, a.id, "a"))!;
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
    for (const t of odd) expect(await userIdForToken(db, t), t).toBeNull();
  });

  it("never give one person more than MAX_API_TOKENS, however many are asked for at once", async () => {
    const db = await tempDb();
    const a = await insertUser(db);
    const b = await insertUser(db);
    (await createApiToken(db, a.id, "existing"))!;
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => createApiToken(db, a.id, `script ${i}`)));
    expect(made.filter(Boolean)).toHaveLength(MAX_API_TOKENS - 1);
    expect(await listApiTokens(db, a.id)).toHaveLength(MAX_API_TOKENS);
    // The cap is per person.
    expect(await createApiToken(db, b.id, "b")).not.toBeNull();
    // A revoked token frees its place.
    await revokeApiToken(db, a.id, (await listApiTokens(db, a.id))[0]!.id);
    expect(await createApiToken(db, a.id, "again")).not.toBeNull();
    expect(await createApiToken(db, a.id, "one too many")).toBeNull();
  });
});
