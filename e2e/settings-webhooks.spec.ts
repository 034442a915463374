/**
 * Settings → Webhooks in the browser: add an endpoint, copy its secret (shown once), a job ends and
 * a loopback receiver gets a delivery it can verify with that secret, the delivery log shows it,
 * "Send again" sends the same message again, and deleting the endpoint asks first.
 */
import { verify } from "../lib/webhooks/standard-webhooks";
import { expect, test } from "./pw/fixtures";
import { seedJobWithFiles } from "./pw/seed";
import { startWebhookReceiver } from "./support/webhook-receiver";

test("a webhook endpoint added in Settings hears about a finished video, signed, and can be sent again", async ({ page, account, app }) => {
  const receiver = await startWebhookReceiver({ answer: 204 });
  try {
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "Webhooks" });
    await section.getByLabel("Endpoint URL").fill(`${receiver.url}/hooks/settings`);
    await section.getByRole("checkbox", { name: /A job failed/ }).uncheck();
    await section.getByRole("button", { name: "Add endpoint" }).click();
    const secretBox = page.getByTestId("new-webhook-secret");
    await expect(secretBox).toHaveText(/^whsec_/);
    const secret = (await secretBox.textContent())!.trim();
    const endpoints = section.getByRole("list", { name: "Your webhook endpoints" });
    await expect(endpoints.getByText(`${receiver.url}/hooks/settings`)).toBeVisible();
    await expect(endpoints).toContainText("job.succeeded, job.canceled");

    const { id } = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a webhook harbour at dawn" });
    const first = await receiver.waitFor((d) => d.path === "/hooks/settings", 0, 30_000);
    expect(verify(secret, first.body, first.headers)).toBe(first.headers.get("webhook-id"));
    expect(first.json).toMatchObject({ type: "job.succeeded", data: { id, status: "succeeded", prompt: "a webhook harbour at dawn" } });

    await page.reload();
    const log = page.getByRole("list", { name: "Recent webhook deliveries" });
    await expect(log.getByTestId("webhook-delivery").first()).toContainText("Delivered (HTTP 204)");
    const before = receiver.deliveries.length;
    await log.getByRole("button", { name: "Send again" }).first().click();
    const again = await receiver.waitFor((d) => d.path === "/hooks/settings", before, 30_000);
    expect(again.headers.get("webhook-id")).toBe(first.headers.get("webhook-id"));
    expect(verify(secret, again.body, again.headers)).toBe(first.headers.get("webhook-id"));

    await endpoints.getByRole("button", { name: /Delete/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(section.getByRole("list", { name: "Your webhook endpoints" })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
