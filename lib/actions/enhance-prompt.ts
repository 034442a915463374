"use server";
import { z } from "zod";
import { currentViewer } from "../auth/viewer";
import { enhancePrompt, llmConfig } from "../llm/enhance-prompt";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

/** Longer than any model's prompt limit: what arrives here is a prompt, not a document. */
const MAX_INPUT_CHARS = 4_000;

const input = z
  .string({ error: "The prompt must be text." })
  .trim()
  .min(1, "Write a prompt first; Enhance rewrites what you wrote.")
  .max(MAX_INPUT_CHARS, `The prompt is too long to enhance (at most ${MAX_INPUT_CHARS} characters).`);

/** A suggested rewrite of the prompt (the motion formula), to accept or discard; nothing is stored. */
export async function enhancePromptAction(prompt: unknown): Promise<ActionResult<{ suggestion: string }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const parsed = input.safeParse(prompt);
  if (!parsed.success) return actionFail(parsed.error.issues[0]?.message ?? "The prompt is not valid.", { prompt: parsed.error.issues[0]?.message ?? "" });
  const config = llmConfig();
  if (!config) return actionFail("Prompt enhancement is not set up on this studio (LLM_BASE_URL and LLM_MODEL).");
  const result = await enhancePrompt(config, parsed.data);
  return result.ok ? { ok: true, value: { suggestion: result.value } } : fromAppError(result.error);
}
