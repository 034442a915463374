/**
 * Settings → People in the browser: the owner makes a one-time password link for someone and
 * disables them (their session ends, sign-in says why), the person sets a new password through
 * the link, the owner enables them again and the new password works. And anyone downloads their
 * own videos and prompts from Settings → Your data.
 */
import type { Page } from "@playwright/test";
import { setPassword } from "../lib/admin/accounts";
import { expect, test } from "./pw/fixtures";
import { seedJobWithFiles } from "./pw/seed";
import { withDb } from "./support/test-db";

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the owner resets a password and disables and enables a person from Settings → People", async ({ page, account, app, browser }) => {
  const ownerPassword = "owner-password-1";
  await withDb(app.dataDir, (db) => setPassword(db, app.userId, ownerPassword));
  const ownerContext = await browser.newContext({ baseURL: app.url });
  try {
    const owner = await ownerContext.newPage();
    await signIn(owner, app.owner.email, ownerPassword);
    await owner.waitForURL((u) => u.pathname === "/");
    await owner.goto("/settings");
    const row = owner.getByRole("list", { name: "People" }).getByTestId("person").filter({ hasText: account.email });
    await row.getByRole("button", { name: "Reset password" }).click();
    const link = (await row.getByTestId("reset-link").textContent())!.trim();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);

    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    // the person's open session has ended
    await page.goto("/settings");
    await page.waitForURL((u) => u.pathname === "/sign-in");

    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
    await page.getByLabel("The same again", { exact: true }).fill("a-brand-new-password");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password is set");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

    await signIn(page, account.email, "a-brand-new-password");
    await expect(page.getByRole("alert").filter({ hasText: "This account has been disabled" })).toBeVisible();

    await row.getByRole("button", { name: "Enable" }).click();
    await expect(row).not.toContainText("Disabled");
    await signIn(page, account.email, "a-brand-new-password");
    await page.waitForURL((u) => u.pathname === "/");
  } finally {
    await ownerContext.close();
  }
});

test("a person downloads their own videos and prompts as a ZIP", async ({ page, account, app }) => {
  await seedJobWithFiles(app.dataDir, account.id, { prompt: "an exported harbour" });
  await page.goto("/settings");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export videos and prompts" }).click();
  const file = await (await download).path();
  const fs = await import("node:fs");
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(bytes.includes(Buffer.from("an exported harbour"))).toBe(true);
  expect(bytes.includes(Buffer.from("dailies-export/videos/"))).toBe(true);
});
