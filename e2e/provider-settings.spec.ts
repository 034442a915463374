/**
 * The owner sets up Replicate in Settings → Providers against a loopback fake: saves the key (only
 * its last four characters come back), Test connection says Connected, the composer offers the
 * models at once, and Remove turns Replicate off again. A member sees no Providers section.
 * Its own server with no owner yet, so the first sign-up in the browser becomes the owner.
 */
import fs from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { startReplicateFake, type ReplicateFake } from "./fakes/replicate";
import { newAccount, signUp } from "./pw/accounts";
import type { Server } from "./support/app-server";
import { startDeployment } from "./support/deployment";

const MODEL = "replicate:google/veo-3.1-fast";

const test = base.extend<object, { fake: ReplicateFake; server: Server }>({
  fake: [
    async ({}, provide) => {
      const fake = await startReplicateFake();
      await provide(fake);
      await fake.close();
    },
    { scope: "worker" },
  ],
  server: [
    async ({ fake }, provide) => {
      const server = await startDeployment({ env: { REPLICATE_BASE_URL: fake.baseUrl, ALLOW_SIGNUP: "true" } });
      try {
        await provide(server);
      } finally {
        await server.stop();
        fs.rmSync(server.dataDir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ server }, provide) => provide(server.url),
});

const card = (page: Page, label: string) => page.getByRole("region", { name: label, exact: true });
const replicateCard = (page: Page) => card(page, "Replicate");
const modelOption = (page: Page) => page.getByRole("form", { name: "Composer" }).getByLabel("Model", { exact: true }).locator(`option[value="${MODEL}"]`);

test("the owner saves a Replicate key, tests it, uses it and removes it", async ({ page, fake, server, browser }) => {
  await signUp(page, newAccount("owner")); // the studio's first account: its owner
  await expect(modelOption(page)).toBeDisabled();

  await page.goto("/settings");
  const replicate = replicateCard(page);
  await expect(replicate.getByTestId("provider-replicate-state")).toHaveText("Not configured");
  await expect(replicate.getByTestId("setting-replicate-REPLICATE_BASE_URL")).toContainText("Set by the server");

  const token = replicate.getByLabel("REPLICATE_API_TOKEN", { exact: true });
  await token.fill(fake.token);
  await replicate.getByRole("button", { name: "Save" }).click();
  await expect(replicate.getByText(`Saved: …${fake.token.slice(-4)}.`)).toBeVisible();
  await expect(replicate.getByTestId("provider-replicate-state")).toHaveText("Configured");
  await expect(token).toHaveValue("");
  expect(await page.content()).not.toContain(fake.token);

  await replicate.getByRole("button", { name: "Test connection" }).click();
  await expect(replicate.getByTestId("provider-replicate-test")).toHaveText("Connected");

  // A bad address is refused with a sentence under its field, and nothing is saved.
  const fal = card(page, "fal");
  await fal.getByLabel("FAL_KEY", { exact: true }).fill("fal-key-0123456789");
  await fal.getByLabel("FAL_QUEUE_URL", { exact: true }).fill("queue.example.com");
  await fal.getByRole("button", { name: "Save" }).click();
  await expect(fal.getByText("FAL_QUEUE_URL must be an http(s) URL.")).toBeVisible();
  await page.reload();
  await expect(card(page, "fal").getByTestId("provider-fal-state")).toHaveText("Not configured");
  await expect(card(page, "fal").getByText("Saved:")).toHaveCount(0);

  // The composer reads isConfigured per request: Replicate's models are on with no restart.
  await page.goto("/");
  await expect(modelOption(page)).toBeEnabled();

  await page.goto("/settings");
  await replicateCard(page).getByRole("button", { name: "Remove REPLICATE_API_TOKEN" }).click();
  await expect(replicateCard(page).getByTestId("provider-replicate-state")).toHaveText("Not configured");
  await page.goto("/");
  await expect(modelOption(page)).toBeDisabled();

  const memberContext = await browser.newContext({ baseURL: server.url });
  try {
    const member = await memberContext.newPage();
    await signUp(member, newAccount("member"));
    await member.goto("/settings");
    await expect(member.getByRole("heading", { name: "API tokens" })).toBeVisible();
    await expect(member.getByRole("heading", { name: "Providers" })).toHaveCount(0);
  } finally {
    await memberContext.close();
  }
});
