/**
 * The zod schemas the OpenAPI document is made of, each under its component name. They are the
 * ones the routes parse with or answer from; nothing here is written for the document alone.
 */
import { z } from "zod";
import { APP_ERROR_STATUS, type AppErrorCode } from "../errors";
import { healthSchema } from "../health/schema";
import { createdJobSchema, jobDetailSchema, jobJsonSchema, jobListSchema } from "../jobs/job-json";
import { usageJsonSchema } from "../jobs/usage-json";
import { modelsListSchema } from "../providers/models-json-schema";
import { connectionTestSchema, providerSettingsInputSchema, providerSettingsListSchema, providerSettingsViewSchema } from "../provider-settings/schemas";
import { OUTGOING_EVENTS } from "../webhooks/outgoing/events";
import { createdEndpointSchema, deliverySchema, endpointInputSchema, endpointSchema } from "../webhooks/outgoing/schemas";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(APP_ERROR_STATUS) as [AppErrorCode, ...AppErrorCode[]]),
    message: z.string().describe("A sentence for a person"),
    fields: z.record(z.string(), z.string()).optional().describe("Field name -> what is wrong with it"),
  }),
});

export const outgoingEventSchema = z.object({
  type: z.enum(OUTGOING_EVENTS),
  timestamp: z.string().describe("When the job ended, ISO 8601"),
  data: jobJsonSchema,
});

/** Answers (zod's "output" side), by component name. */
export const ANSWERS = {
  Job: jobJsonSchema,
  JobDetail: jobDetailSchema,
  JobList: jobListSchema,
  CreatedJob: createdJobSchema,
  Error: errorBodySchema,
  Health: healthSchema,
  WebhookEndpoint: endpointSchema,
  CreatedWebhookEndpoint: createdEndpointSchema,
  WebhookEndpointList: z.object({ items: z.array(endpointSchema) }),
  WebhookDelivery: deliverySchema,
  WebhookDeliveryList: z.object({ items: z.array(deliverySchema) }),
  OutgoingWebhookEvent: outgoingEventSchema,
  ProviderSettings: providerSettingsViewSchema,
  ProviderSettingsList: providerSettingsListSchema,
  ConnectionTest: connectionTestSchema,
  ModelList: modelsListSchema,
  Usage: usageJsonSchema,
} as const;

/** Request bodies (zod's "input" side), by component name; job requests are per model (see document.ts). */
export const REQUESTS = {
  WebhookEndpointInput: endpointInputSchema,
  ProviderSettingsInput: providerSettingsInputSchema,
} as const;

export type AnswerName = keyof typeof ANSWERS;
