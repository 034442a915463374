import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { insertUser, seedJob, tempDataDir, tempDb } from "../../e2e/support/test-db";
import { getJob } from "../db/queries/jobs";
import { resetEnvCache } from "../env";
import { admitNewAccount, claimOwnership, ownerId, setSignupOpen, signupOpen } from "./instance";

// signupOpen reads ALLOW_SIGNUP through lib/env.ts; keep its DATA_DIR out of the repository.
beforeEach(async () => {
  vi.stubEnv("DATA_DIR", tempDataDir());
  vi.stubEnv("ALLOW_SIGNUP", "");
  resetEnvCache();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("claimOwnership", () => {
  it("makes the first claimant the owner and gives them the jobs made before accounts", async () => {
    const db = await tempDb();
    const first = await insertUser(db);
    const second = await insertUser(db);
    const orphan = await seedJob(db, { userId: null, status: "succeeded" });
    const someone = await seedJob(db, { userId: "someone-else", status: "succeeded" });
    expect(await ownerId(db)).toBeNull();

    expect(await claimOwnership(db, first.id)).toBe(true);
    expect(await ownerId(db)).toBe(first.id);
    expect((await getJob(db, orphan.id))!.userId).toBe(first.id);
    expect((await getJob(db, someone.id))!.userId).toBe("someone-else");

    const late = await seedJob(db, { userId: null, status: "succeeded" });
    expect(await claimOwnership(db, second.id)).toBe(false);
    expect(await ownerId(db)).toBe(first.id);
    expect((await getJob(db, late.id))!.userId).toBeNull();
    expect((await getJob(db, orphan.id))!.userId).toBe(first.id);
  });

  it("is idempotent for the owner", async () => {
    const db = await tempDb();
    const first = await insertUser(db);
    expect(await claimOwnership(db, first.id)).toBe(true);
    expect(await claimOwnership(db, first.id)).toBe(false);
    expect(await ownerId(db)).toBe(first.id);
  });
});

describe("signupOpen", () => {
  it("is open for the first account, closed after it, and open again when the owner opens it", async () => {
    const db = await tempDb();
    expect(await signupOpen(db)).toEqual({ open: true, byEnv: false, firstAccount: true });
    const owner = await insertUser(db);
    await claimOwnership(db, owner.id);
    expect(await signupOpen(db)).toEqual({ open: false, byEnv: false, firstAccount: false });
    await setSignupOpen(db, true);
    expect((await signupOpen(db)).open).toBe(true);
    await setSignupOpen(db, false);
    expect((await signupOpen(db)).open).toBe(false);
  });

  it("stays open with ALLOW_SIGNUP=true whatever the setting says", async () => {
    vi.stubEnv("ALLOW_SIGNUP", "true");
    resetEnvCache();
    const db = await tempDb();
    await insertUser(db);
    await setSignupOpen(db, false);
    expect(await signupOpen(db)).toEqual({ open: true, byEnv: true, firstAccount: false });
  });
});

describe("admitNewAccount", () => {
  it("lets exactly one of many simultaneous first sign-ups in, as the owner", async () => {
    const db = await tempDb();
    const ids = Array.from({ length: 6 }, (_, i) => `new-${i}`);
    const answers = await Promise.all(ids.map((id) => admitNewAccount(db, id)));
    expect(answers.filter((a) => a === "owner")).toHaveLength(1);
    expect(answers.filter((a) => a === null)).toHaveLength(5);
    expect(await ownerId(db)).toBe(ids[answers.indexOf("owner")]);
  });

  it("admits members only while sign-up is open, and never a second owner", async () => {
    const db = await tempDb();
    expect(await admitNewAccount(db, "first")).toBe("owner");
    await insertUser(db, { id: "first" });
    expect(await admitNewAccount(db, "second")).toBeNull();
    await setSignupOpen(db, true);
    expect(await admitNewAccount(db, "second")).toBe("member");
    expect(await ownerId(db)).toBe("first");
  });

  it("gives up a reservation whose account never appeared, but not a fresh one", async () => {
    const db = await tempDb();
    const t = Date.now();
    expect(await admitNewAccount(db, "crashed", t)).toBe("owner");
    expect(await admitNewAccount(db, "eager", t + 1000)).toBeNull();
    expect(await admitNewAccount(db, "later", t + 61_000)).toBe("owner");
    expect(await ownerId(db)).toBe("later");
  });
});
