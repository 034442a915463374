import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { createApiToken, MAX_API_TOKENS } from "../auth/api-tokens";
import { claimOwnership, ownerId, setOwner } from "../auth/instance";
import type { Db } from "../db/client";
import {
  consumePasswordReset,
  deleteSessionsOf,
  deleteUserRow,
  findAccountByEmail,
  findAccountById,
  insertPasswordReset,
  jobsOf,
  passwordResetUsable,
  setCredentialPassword,
  setDisabled,
} from "../db/queries/accounts";
import { insertUserRow } from "../db/queries/users";
import { fail, ok, type Result } from "../errors";
import { getJob } from "../db/queries/jobs";
import { transition } from "../jobs/apply-update";
import { deleteJob } from "../jobs/delete-job";

/** Reset links work once, for a day: long enough to pass on, short enough not to linger. */
export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const passwordSchema = z.string({ error: "Give a password." }).min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters.");
const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Give an email address like you@example.com."));

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function accountByEmail(db: Db, email: string): Promise<Result<{ id: string; email: string; name: string }>> {
  const found = await findAccountByEmail(db, email);
  return found ? ok(found) : fail("not_found", `There is no account for ${email}.`);
}

/** A new email-and-password account, as sign-up makes one (without a password, it can be set through a reset link). */
export async function createAccount(db: Db, input: { email: string; name?: string; password?: string }): Promise<Result<{ id: string; email: string }>> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return fail("validation", email.error.issues[0]!.message);
  if (input.password !== undefined) {
    const pw = passwordSchema.safeParse(input.password);
    if (!pw.success) return fail("validation", pw.error.issues[0]!.message);
  }
  if (await findAccountByEmail(db, email.data)) return fail("conflict", `There is already an account for ${email.data}.`);
  const id = randomBytes(16).toString("base64url");
  const now = new Date();
  await insertUserRow(db, { id, name: input.name?.trim() || email.data.split("@")[0]!, email: email.data, now });
  if (input.password !== undefined) await setCredentialPassword(db, id, await hashPassword(input.password), now);
  // A studio with no owner yet gets this account as its owner, as the first sign-up would.
  await claimOwnership(db, id);
  return ok({ id, email: email.data });
}

/** Sets a new password and signs the person out everywhere. */
export async function setPassword(db: Db, userId: string, password: string): Promise<Result<null>> {
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) return fail("validation", pw.error.issues[0]!.message);
  await setCredentialPassword(db, userId, await hashPassword(password), new Date());
  await deleteSessionsOf(db, userId);
  return ok(null);
}

/** A one-time link to set a new password; older unused links for the person stop working. */
export async function passwordResetLink(db: Db, userId: string, origin: string, now = Date.now()): Promise<{ url: string; expiresAt: number }> {
  const token = randomBytes(32).toString("base64url");
  await insertPasswordReset(db, { tokenHash: hashToken(token), userId, createdAt: now, expiresAt: now + RESET_LINK_TTL_MS });
  return { url: `${origin.replace(/\/+$/, "")}/reset-password/${token}`, expiresAt: now + RESET_LINK_TTL_MS };
}

export async function resetLinkUsable(db: Db, token: string, now = Date.now()): Promise<boolean> {
  return token.length <= 100 && passwordResetUsable(db, hashToken(token), now);
}

/** Uses a reset link: the password is checked first, so a typo does not use the link up. */
export async function redeemPasswordReset(db: Db, token: string, password: string, now = Date.now()): Promise<Result<{ userId: string }>> {
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) return fail("validation", pw.error.issues[0]!.message, { password: pw.error.issues[0]!.message });
  const userId = token.length <= 100 ? await consumePasswordReset(db, hashToken(token), now) : undefined;
  if (!userId) return fail("not_found", "This link has expired or was already used. Ask the studio's owner for a new one.");
  await setCredentialPassword(db, userId, await hashPassword(password), new Date(now));
  await deleteSessionsOf(db, userId);
  return ok({ userId });
}

/** Shuts a person out: their sessions end, their API tokens and sign-in stop working. The owner cannot be disabled. */
export async function disableAccount(db: Db, userId: string, now = Date.now()): Promise<Result<null>> {
  if ((await ownerId(db)) === userId) return fail("conflict", "The owner cannot be disabled. Make someone else the owner first.");
  await setDisabled(db, userId, true, now);
  await deleteSessionsOf(db, userId);
  return ok(null);
}

export async function enableAccount(db: Db, userId: string): Promise<Result<null>> {
  await setDisabled(db, userId, false, Date.now());
  return ok(null);
}

/** Deletes a person and everything of theirs: jobs with their files, tokens, share links, webhooks. Not the owner. */
export async function deleteAccount(db: Db, userId: string): Promise<Result<{ jobs: number }>> {
  if ((await ownerId(db)) === userId) return fail("conflict", "The owner cannot be deleted. Make someone else the owner first.");
  const jobs = await jobsOf(db, userId);
  for (const job of jobs) {
    // A copy no worker holds (a stuck one) would block the deletion for ever: end it first.
    if (job.status === "saving" && (job.leaseUntil ?? 0) < Date.now())
      await transition(db, job.id, { to: "failed", errorCode: "internal", errorMessage: "Deleted with its account." });
    const deleted = await deleteJob(db, (await getJob(db, job.id)) ?? job);
    if (!deleted.ok) return fail("conflict", `Job ${job.id} could not be deleted: ${deleted.error.message}`);
  }
  await deleteUserRow(db, userId);
  return ok({ jobs: jobs.length });
}

/** Makes this person the owner (and lets them in again if they were disabled). */
export async function makeOwner(db: Db, userId: string): Promise<Result<null>> {
  if (!(await findAccountById(db, userId))) return fail("not_found", "There is no such account.");
  await setOwner(db, userId);
  await setDisabled(db, userId, false, Date.now());
  return ok(null);
}

export async function mintToken(db: Db, userId: string, name: string): Promise<{ token: string; id: string }> {
  const made = await createApiToken(db, userId, name);
  // The per-person cap holds here too (checked and taken in one transaction).
  if (!made) throw new Error(`This person already has ${MAX_API_TOKENS} API tokens. Revoke one first.`);
  return { token: made.token, id: made.row.id };
}
