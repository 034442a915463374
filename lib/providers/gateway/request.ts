/** The gateway's submit body, in the field names of the wire object. */
import { bareBase64, requireImageUrl } from "../kit/image";
import type { ProviderJob, SubmitContext } from "../types";
import { optionWireValue } from "./models";
import { writeField, type GatewayWire } from "./wire";

export const SERVICE = "The video gateway";

export function submitBody(job: ProviderJob, ctx: SubmitContext, wire: GatewayWire): Record<string, unknown> {
  const f = wire.fields;
  const body: Record<string, unknown> = {};
  writeField(body, f.model, job.model.providerModel);
  writeField(body, f.prompt, job.prompt);
  writeField(body, f.resolution, job.resolution);
  writeField(body, f.aspectRatio, job.aspectRatio);
  writeField(body, f.duration, job.durationSeconds);
  if (job.negativePrompt && job.model.negativePrompt) writeField(body, f.negativePrompt, job.negativePrompt);
  if (job.seed !== null && job.model.seed) writeField(body, f.seed, job.seed);
  for (const option of job.model.options ?? []) {
    writeField(body, option.key, optionWireValue(option, job.options?.[option.key] ?? option.default));
  }
  if (ctx.image) {
    // [U] The guide takes a URL (`image_url`) or inline base64 under a field it does not name.
    if (wire.imageInput === "base64") writeField(body, f.imageBase64, bareBase64(ctx.image));
    else writeField(body, f.imageUrl, requireImageUrl(ctx, SERVICE));
  }
  return body;
}
