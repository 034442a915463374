/** Sign-up does not tell a stranger which emails have an account, and changes nothing for one that does. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Server } from "./support/app-server";
import { actionFields, postForm } from "./support/form-post";
import { withDb } from "./support/test-db";

let server: Server;
const taken = { name: "Owner", email: "owner@example.com", password: "correct horse battery" };

async function signUp(account: { name: string; email: string; password: string }) {
  return postForm(server.url, "/sign-up", { ...(await actionFields(server.url, "/sign-up")), ...account });
}

beforeAll(async () => {
  server = await startServer({ env: { WORKER: "off", ALLOW_SIGNUP: "true" } });
  expect((await signUp(taken)).status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
});

describe("sign-up with an email that has an account", () => {
  it("says only that the account could not be made, and makes none", async () => {
    const again = await signUp({ ...taken, name: "Someone", password: "another password" });
    expect(again.status).toBe(200);
    expect(again.body).toContain("Could not create an account with these details.");
    expect(again.body).not.toMatch(/already (exists|has an account)/i);
    expect(again.headers["set-cookie"] ?? []).toHaveLength(0);
    expect(await withDb(server.dataDir, async (db) => (await db.orm.select({ id: db.t.user.id }).from(db.t.user)).length)).toBe(1);
  });
});
