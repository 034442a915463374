import { describe, expect, it } from "vitest";
import { destinationProblem, type Resolve } from "./destination";

const resolve: Resolve = async (host) =>
  ({ "hooks.example.test": ["93.184.216.34"], "n8n.lan": ["192.168.1.20"], "both.example.test": ["93.184.216.34", "10.0.0.1"] })[host] ?? [];
const check = (url: string, allowPrivate = false) => destinationProblem(new URL(url), allowPrivate, resolve);

describe("destinationProblem", () => {
  it("accepts https on the public internet", async () => {
    expect(await check("https://hooks.example.test/dailies")).toBeNull();
  });

  it("refuses private and local networks unless the owner allows them, and names the setting", async () => {
    for (const url of ["https://127.0.0.1/x", "https://localhost.invalid.test/x", "http://n8n.lan:5678/x", "https://both.example.test/x", "https://[::1]/x"]) {
      const problem = await check(url);
      expect(problem, url).not.toBeNull();
    }
    expect(await check("http://n8n.lan:5678/x")).toMatch(/OUTGOING_WEBHOOKS_ALLOW_PRIVATE=true/);
    expect(await check("http://n8n.lan:5678/x", true)).toBeNull();
    expect(await check("http://127.0.0.1:9/x", true)).toBeNull();
  });

  it("never allows unusable addresses, plain http on the public internet, or passwords in the address", async () => {
    expect(await check("https://0.0.0.0/x", true)).toMatch(/not a usable network address/);
    expect(await check("http://hooks.example.test/x", true)).toMatch(/Use an https:\/\/ address/);
    expect(await check("https://u:p@hooks.example.test/x")).toMatch(/password/);
    expect(await check("ftp://hooks.example.test/x")).toMatch(/https/);
    expect(await check("https://nowhere.example.test/x")).toMatch(/cannot find/);
  });
});
