import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeRewrite, startLlmFake, type LlmFake } from "../../e2e/fakes/llm";
import { ENHANCE_SYSTEM_PROMPT, enhancePrompt } from "./enhance-prompt";

let fake: LlmFake;
beforeAll(async () => {
  fake = await startLlmFake({ apiKey: "sk-test" });
});
afterAll(() => fake.close());

const config = () => ({ baseUrl: fake.baseUrl, apiKey: "sk-test", model: "llama3.2", timeoutMs: 5_000 });

describe("enhancePrompt against a chat-completions server", () => {
  it("sends the motion formula as the system message and returns the rewrite without the quotes around it", async () => {
    fake.failWith(null);
    const result = await enhancePrompt(config(), "a fox on a bridge");
    expect(result).toEqual({ ok: true, value: fakeRewrite("a fox on a bridge") });
    const sent = fake.requests.at(-1)!;
    expect(sent.model).toBe("llama3.2");
    expect(sent.authorization).toBe("Bearer sk-test");
    expect(sent.messages).toEqual([
      { role: "system", content: ENHANCE_SYSTEM_PROMPT },
      { role: "user", content: "a fox on a bridge" },
    ]);
  });

  it("says the key was refused, in a sentence", async () => {
    const result = await enhancePrompt({ ...config(), apiKey: "wrong" }, "a fox");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/refused the key.*unchanged/);
  });

  it("turns a server error into a sentence", async () => {
    fake.failWith(500);
    const result = await enhancePrompt(config(), "a fox");
    fake.failWith(null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/HTTP 500/);
  });

  it("says so when nothing listens", async () => {
    const result = await enhancePrompt({ ...config(), baseUrl: "http://127.0.0.1:9/v1", timeoutMs: 2_000 }, "a fox");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/prompt assistant/);
  });
});
