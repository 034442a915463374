/**
 * Sign-in throttling keys on the socket's address, not on an X-Forwarded-For the client made up,
 * guessing from many addresses slows the account down without locking out its password, and the
 * count is kept in the database: guesses spread over two servers of one studio add up.
 * The forms are posted without JavaScript, as the server action's progressive enhancement allows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Server } from "./support/app-server";
import { actionFields, postForm, type FormAnswer } from "./support/form-post";

let server: Server;
/** A second web server on the same database and DATA_DIR, as behind a load balancer. */
let other: Server;
const owner = { name: "Owner", email: "owner@example.com", password: "correct horse battery" };

const signedIn = (a: FormAnswer) => a.status === 303 && String(a.headers["set-cookie"] ?? "").includes("dailies");
const verdict = (a: FormAnswer) =>
  signedIn(a) ? "signed in" : a.body.includes("Too many failed attempts") ? "blocked" : a.body.includes("do not match") ? "checked" : `other ${a.status}`;

async function signIn(password: string, opts: { forwardedFor?: string; localAddress?: string; on?: Server } = {}): Promise<FormAnswer> {
  const url = (opts.on ?? server).url;
  const fields = await actionFields(url, "/sign-in");
  // A client that knows the header the server entry sets, and sends its own: it must not count.
  const forged: Record<string, string> = opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor, "x-dailies-peer": opts.forwardedFor } : {};
  return postForm(url, "/sign-in", { ...fields, email: owner.email, password }, { localAddress: opts.localAddress, headers: forged });
}

beforeAll(async () => {
  server = await startServer({ env: { WORKER: "off" } });
  const fields = await actionFields(server.url, "/sign-up");
  const made = await postForm(server.url, "/sign-up", { ...fields, ...owner });
  expect(signedIn(made), made.body.slice(0, 500)).toBe(true);
});
afterAll(async () => {
  await Promise.all([server?.stop(), other?.stop()]);
});

describe("sign-in throttling", () => {
  it("counts guesses per socket address, whatever X-Forwarded-For (or the entry's own header) each one claims", async () => {
    const verdicts: string[] = [];
    for (let i = 0; i < 15; i++) verdicts.push(verdict(await signIn(`wrong-${i}`, { forwardedFor: `198.51.100.${i + 1}` })));
    expect(verdicts.filter((v) => v === "checked")).toHaveLength(10);
    expect(verdicts.slice(10)).toEqual(["blocked", "blocked", "blocked", "blocked", "blocked"]);
    // Still blocked from this address with the right password and yet another made-up header.
    expect(verdict(await signIn(owner.password, { forwardedFor: "203.0.113.77" }))).toBe("blocked");
  });

  it("adds up guesses from one address spread over two servers of the studio", async () => {
    // Same DATA_DIR: the same database and the same generated APP_SECRET.
    other = await startServer({ dataDir: server.dataDir, env: { WORKER: "off" } });
    const from = { localAddress: "127.0.0.3" };
    const verdicts: string[] = [];
    for (let i = 0; i < 12; i++) verdicts.push(verdict(await signIn(`wrong-${i}`, { ...from, on: i % 2 ? other : server })));
    expect(verdicts.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => "checked"));
    expect(verdicts.slice(10)).toEqual(["blocked", "blocked"]);
    expect(verdict(await signIn(owner.password, { ...from, on: other }))).toBe("blocked");
  });

  it("lets the owner in from another address, slowed rather than locked out", async () => {
    expect(verdict(await signIn(owner.password, { localAddress: "127.0.0.2" }))).toBe("signed in");
  });
});
