import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { insertUser, seedJob, tempDataDir, tempDb } from "../../e2e/support/test-db";
import { getJob } from "../db/queries/jobs";
import { resetEnvCache } from "../env";
import { claimOwnership, ownerId, setSignupOpen, signupOpen } from "./instance";

// signupOpen reads ALLOW_SIGNUP through lib/env.ts; keep its DATA_DIR out of the repository.
beforeEach(() => {
  vi.stubEnv("DATA_DIR", tempDataDir());
  vi.stubEnv("ALLOW_SIGNUP", "");
  resetEnvCache();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("claimOwnership", () => {
  it("makes the first claimant the owner and gives them the jobs made before accounts", () => {
    const db = tempDb();
    const first = insertUser(db);
    const second = insertUser(db);
    const orphan = seedJob(db, { userId: null, status: "succeeded" });
    const someone = seedJob(db, { userId: "someone-else", status: "succeeded" });
    expect(ownerId(db)).toBeNull();

    expect(claimOwnership(db, first.id)).toBe(true);
    expect(ownerId(db)).toBe(first.id);
    expect(getJob(db, orphan.id)!.userId).toBe(first.id);
    expect(getJob(db, someone.id)!.userId).toBe("someone-else");

    const late = seedJob(db, { userId: null, status: "succeeded" });
    expect(claimOwnership(db, second.id)).toBe(false);
    expect(ownerId(db)).toBe(first.id);
    expect(getJob(db, late.id)!.userId).toBeNull();
    expect(getJob(db, orphan.id)!.userId).toBe(first.id);
  });

  it("is idempotent for the owner", () => {
    const db = tempDb();
    const first = insertUser(db);
    expect(claimOwnership(db, first.id)).toBe(true);
    expect(claimOwnership(db, first.id)).toBe(false);
    expect(ownerId(db)).toBe(first.id);
  });
});

describe("signupOpen", () => {
  it("is open for the first account, closed after it, and open again when the owner opens it", () => {
    const db = tempDb();
    expect(signupOpen(db)).toEqual({ open: true, byEnv: false, firstAccount: true });
    const owner = insertUser(db);
    claimOwnership(db, owner.id);
    expect(signupOpen(db)).toEqual({ open: false, byEnv: false, firstAccount: false });
    setSignupOpen(db, true);
    expect(signupOpen(db).open).toBe(true);
    setSignupOpen(db, false);
    expect(signupOpen(db).open).toBe(false);
  });

  it("stays open with ALLOW_SIGNUP=true whatever the setting says", () => {
    vi.stubEnv("ALLOW_SIGNUP", "true");
    resetEnvCache();
    const db = tempDb();
    insertUser(db);
    setSignupOpen(db, false);
    expect(signupOpen(db)).toEqual({ open: true, byEnv: true, firstAccount: false });
  });
});
