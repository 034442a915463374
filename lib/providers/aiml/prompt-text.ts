/**
 * AI.ML takes its parameters as `--flag value` directives appended to the prompt text. The
 * values come from the validated job only: a `--duration 12` typed into the prompt itself is
 * defused so it cannot override what was validated and priced.
 */
import type { ProviderJob } from "../types";
import type { AimlModelSpec } from "./models";

export function defuseFlags(prompt: string): string {
  return prompt.replace(/(^|\s)-{2,}(?=[a-z])/gi, "$1-");
}

export function promptText(job: ProviderJob, model: AimlModelSpec): string {
  const flags = [`--resolution ${job.resolution}`, `--duration ${job.durationSeconds}`];
  for (const option of model.options ?? []) {
    if (option.key !== "camerafixed") continue;
    const value = job.options?.camerafixed ?? option.default;
    flags.push(`--camerafixed ${value === true || value === "true" ? "true" : "false"}`);
  }
  // [U] --ratio/--fps/--seed are Seedance flags AI.ML does not document; sent only for models that list them.
  if (model.aiml.flags.includes("ratio")) flags.push(`--ratio ${job.aspectRatio}`);
  if (model.aiml.flags.includes("fps")) flags.push(`--fps ${job.fps}`);
  if (model.aiml.flags.includes("seed") && job.seed !== null) flags.push(`--seed ${job.seed}`);
  return `${defuseFlags(job.prompt).trim()} ${flags.join(" ")}`;
}
