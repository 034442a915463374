import "server-only";
import { env } from "../env";
import { fail, ok, type Result } from "../errors";
import { fetchWithTimeout } from "../http/fetch-with-timeout";
import { readCappedStream } from "../http/read-body";

/** An answer bigger than this is not a rewritten prompt. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** Longer rewrites are cut: video models take a paragraph, not an essay. */
const MAX_PROMPT_CHARS = 2_000;

export const ENHANCE_SYSTEM_PROMPT = [
  "You rewrite prompts for an AI video model.",
  "Keep the person's idea, subject and language. Write one paragraph following the motion formula:",
  "subject and action; the camera move (dolly, pan, tilt, orbit, handheld…); the style and light; the technical quality (lens, film stock, resolution).",
  "Do not add people, brands or text that the prompt does not ask for.",
  "Answer with the rewritten prompt only: no preamble, no quotes, no lists.",
].join(" ");

export interface LlmConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

/** The configured endpoint, or null when Enhance is off (then the button is not shown at all). */
export function llmConfig(): LlmConfig | null {
  const e = env();
  if (!e.LLM_BASE_URL || !e.LLM_MODEL) return null;
  return { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_SECONDS * 1000 };
}

interface ChatCompletion {
  choices?: Array<{ message?: { content?: unknown } }>;
}

/** Strips what chat models wrap answers in despite being asked not to: quotes, a "Prompt:" label. */
function cleanAnswer(text: string): string {
  return text
    .trim()
    .replace(/^(enhanced |rewritten )?prompt:\s*/i, "")
    .replace(/^["“](.*)["”]$/s, "$1")
    .trim()
    .slice(0, MAX_PROMPT_CHARS);
}

/**
 * Asks the OpenAI-compatible chat-completions endpoint (POST {base}/chat/completions) for the
 * prompt rewritten with the motion formula. Every failure is a sentence; the prompt itself is
 * never changed here, only suggested.
 */
export async function enhancePrompt(config: LlmConfig, prompt: string, signal?: AbortSignal): Promise<Result<string>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  let res: Response;
  try {
    res = await fetchWithTimeout("The prompt assistant", `${config.baseUrl}/chat/completions`, {
      method: "POST",
      headers,
      signal,
      timeoutMs: config.timeoutMs,
      body: JSON.stringify({
        model: config.model,
        temperature: 0.7,
        stream: false,
        messages: [
          { role: "system", content: ENHANCE_SYSTEM_PROMPT },
          { role: "user", content: prompt },
        ],
      }),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return fail("internal", err instanceof Error ? `${err.message} Your prompt is unchanged.` : "The prompt assistant could not be reached. Your prompt is unchanged.");
  }
  const body = await readCappedStream(res.body, MAX_ANSWER_BYTES);
  if (res.status === 401 || res.status === 403)
    return fail("internal", "The prompt assistant refused the key (LLM_API_KEY). Your prompt is unchanged.");
  if (!res.ok) return fail("internal", `The prompt assistant answered with an error (HTTP ${res.status}). Your prompt is unchanged; try again in a moment.`);
  let parsed: ChatCompletion;
  try {
    parsed = JSON.parse(body?.toString("utf8") ?? "") as ChatCompletion;
  } catch {
    return fail("internal", "The prompt assistant sent an answer that is not a chat completion. Your prompt is unchanged.");
  }
  const content = parsed.choices?.[0]?.message?.content;
  const text = typeof content === "string" ? cleanAnswer(content) : "";
  if (!text) return fail("internal", "The prompt assistant sent back an empty suggestion. Your prompt is unchanged.");
  return ok(text);
}
