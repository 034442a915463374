/**
 * The request body of POST /api/jobs, per model, from the schema createJob validates with
 * (requestSchemaFor). Where that schema checks a value with a refinement (durations, resolutions,
 * frame rates) or fills in a default before parsing, JSON Schema cannot see it, so those lists and
 * defaults are written in from the same ModelSpec.
 */
import { z } from "zod";
import { requestSchemaFor } from "../jobs/schemas";
import type { ModelSpec } from "../providers/types";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

export function componentNameFor(spec: ModelSpec): string {
  return `JobRequest.${spec.id.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

export function jobRequestSchema(spec: ModelSpec): JsonSchema {
  const s = z.toJSONSchema(requestSchemaFor(spec), { io: "input", unrepresentable: "any" }) as JsonSchema;
  delete s.$schema;
  const p = s.properties!;
  p.aspectRatio = { ...p.aspectRatio, default: spec.defaults.aspectRatio };
  p.durationSeconds = { type: "number", enum: [...spec.durations], default: spec.defaults.durationSeconds, description: "Seconds of video" };
  p.resolution = { type: "string", enum: [...spec.resolutions], default: spec.defaults.resolution };
  p.fps = { type: "integer", enum: [...spec.fps], default: spec.defaults.fps };
  if (spec.negativePrompt) p.negativePrompt = { type: "string", maxLength: spec.maxPromptLength, description: "What to keep out of the video" };
  else delete p.negativePrompt;
  if (!spec.seed) delete p.seed;
  s.required = ["model", "prompt"];
  s.additionalProperties = false;
  s.title = spec.label;
  s.description = `${spec.description} Modes: ${spec.modes.join(" and ")}${spec.modes.includes("image") ? " (send an image as multipart/form-data)" : ""}.`;
  return s;
}
