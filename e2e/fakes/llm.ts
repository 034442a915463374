/**
 * A loopback fake of the OpenAI chat-completions API (POST /v1/chat/completions, the shape Ollama,
 * LM Studio and vLLM also serve): bearer auth when a key is set, the request's model echoed, and an
 * answer wrapped in quotes as chat models often do. Its "rewrite" is deterministic: the user's
 * prompt with a camera move, a style and the technical quality added.
 */
import { header, isRecord, sendJson, startHttpFake, type HttpFake } from "./kit/http";

export interface LlmFake extends HttpFake {
  /** Base URL as LLM_BASE_URL takes it (…/v1). */
  baseUrl: string;
  /** Bodies of the chat-completions requests received, in order. */
  requests: Array<{ model: unknown; messages: Array<{ role: string; content: string }>; authorization: string | undefined }>;
  /** The next answers' HTTP status (200 by default). */
  failWith(status: number | null): void;
}

export const FAKE_LLM_ADDITION = "slow dolly in, golden hour light, shot on 35mm film, crisp 4K detail";

export function fakeRewrite(prompt: string): string {
  return `${prompt.trim().replace(/[.\s]+$/, "")}, ${FAKE_LLM_ADDITION}`;
}

export async function startLlmFake(opts: { apiKey?: string } = {}): Promise<LlmFake> {
  const requests: LlmFake["requests"] = [];
  let failStatus: number | null = null;
  const fake = await startHttpFake((req, res) => {
    if (req.method !== "POST" || req.url.pathname !== "/v1/chat/completions") return sendJson(res, 404, { error: { message: "Not found", type: "invalid_request_error" } });
    const authorization = header(req.headers, "authorization");
    if (opts.apiKey && authorization !== `Bearer ${opts.apiKey}`)
      return sendJson(res, 401, { error: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" } });
    const body = req.json;
    if (!isRecord(body) || !Array.isArray(body.messages)) return sendJson(res, 400, { error: { message: "messages is required", type: "invalid_request_error" } });
    const messages = body.messages as Array<{ role: string; content: string }>;
    requests.push({ model: body.model, messages, authorization });
    if (failStatus) return sendJson(res, failStatus, { error: { message: "The server had an error while processing your request.", type: "server_error" } });
    const user = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
    sendJson(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: `"${fakeRewrite(user)}"` }, finish_reason: "stop" }],
      usage: { prompt_tokens: 50, completion_tokens: 30, total_tokens: 80 },
    });
  });
  return {
    ...fake,
    baseUrl: `${fake.origin}/v1`,
    requests,
    failWith(status) {
      failStatus = status;
    },
  };
}
