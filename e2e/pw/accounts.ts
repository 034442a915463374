/** Accounts through the real sign-up page, as a person would make them. */
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A fresh account nobody has used: unique email per call. */
export function newAccount(label = "user"): Account {
  const tag = `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
  return { name: `${label[0]!.toUpperCase()}${label.slice(1)} ${tag.slice(-4)}`, email: `${label}-${tag}@example.com`, password: `pw-${randomBytes(9).toString("base64url")}` };
}

/**
 * Signs up on /sign-up and waits for the studio home. On a fresh studio this makes the owner (the
 * bench); the Playwright servers already have one (startApp), so they run with ALLOW_SIGNUP=true
 * for the extra accounts.
 */
export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
}
