/**
 * Keys without a restart: the owner saves a provider's key in Settings → Providers, tests it
 * against the provider (a loopback Replicate), and its models become available at once; the
 * key is never shown again; a value set in the environment cannot be changed there; only the
 * owner sees the section.
 */
import { expect, test, type Page } from "@playwright/test";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { newAccount, type Account } from "./pw/accounts";
import { startServer, type Server } from "./support/app-server";

let fake: ReplicateFake;
let server: Server;

test.beforeAll(async () => {
  fake = await startReplicateFake();
  server = await startServer({ env: { REPLICATE_BASE_URL: fake.baseUrl, ALLOW_SIGNUP: "true" } });
});
test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

async function signUp(page: Page, account: Account) {
  await page.goto(`${server.url}/sign-up`);
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
}

test("the owner saves, tests and removes a Replicate key; models follow without a restart", async ({ page, browser }) => {
  await signUp(page, newAccount("owner")); // the first account owns the studio
  await page.goto(`${server.url}/settings`);
  const replicate = page.getByRole("region", { name: "Replicate", exact: true });
  const token = replicate.getByLabel("REPLICATE_API_TOKEN", { exact: true });
  const saveToken = replicate.locator("form").filter({ has: page.getByLabel("REPLICATE_API_TOKEN", { exact: true }) }).getByRole("button", { name: "Save" });
  await expect(token).toHaveAccessibleDescription("Not set.");
  const baseUrl = replicate.getByLabel("REPLICATE_BASE_URL", { exact: true });
  await expect(baseUrl).toBeDisabled();
  await expect(baseUrl).toHaveAccessibleDescription(`Set by the server: ${fake.baseUrl}`);

  await token.fill("r8_this_key_is_wrong_0000");
  await saveToken.click();
  await expect(token).toHaveAccessibleDescription("Saved here: …0000");
  await replicate.getByRole("button", { name: "Test connection to Replicate" }).click();
  await expect(replicate.getByRole("status")).toContainText("rejected the API key: check REPLICATE_API_TOKEN");

  await token.fill(fake.token);
  await saveToken.click();
  await expect(token).toHaveAccessibleDescription(`Saved here: …${fake.token.slice(-4)}`);
  await expect(page.locator("body")).not.toContainText(fake.token);
  await replicate.getByRole("button", { name: "Test connection to Replicate" }).click();
  await expect(replicate.getByRole("status")).toHaveText("Replicate answered: the key works.");

  await page.goto(server.url);
  await expect(page.getByRole("option", { name: /^Veo 3\.1 Fast \(Google\)/ })).toBeEnabled();

  // Someone else on the same studio sees no provider settings.
  const other = await browser.newPage();
  await signUp(other, newAccount("guest"));
  await other.goto(`${server.url}/settings`);
  await expect(other.getByRole("heading", { name: "Account" })).toBeVisible();
  await expect(other.getByRole("region", { name: "Providers" })).toHaveCount(0);
  await other.close();

  await page.goto(`${server.url}/settings`);
  await replicate.getByRole("button", { name: "Remove" }).click();
  await expect(token).toHaveAccessibleDescription("Not set.");
  await page.goto(server.url);
  await expect(page.getByRole("option", { name: /^Veo 3\.1 Fast \(Google\)/ })).toBeDisabled();
});
