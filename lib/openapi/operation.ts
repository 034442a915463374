/** What the table of JSON API operations is made of (./operations.ts), and the answers they share. */
import type { z } from "zod";
import type { AnswerName } from "./schemas";

export type Who = "viewer" | "owner" | "none" | "provider";

export interface Answer {
  description: string;
  /** A JSON body of this component. */
  json?: AnswerName;
  /** A non-JSON body of this media type. */
  media?: string;
  headers?: Record<string, string>;
}

export interface Operation {
  method: "get" | "post" | "put" | "delete" | "head";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  who: Who;
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  queryDescriptions?: Record<string, string>;
  headers?: Record<string, string>;
  /** "JobRequest" is the per-model job body; other names are REQUESTS components. */
  body?: { json?: "JobRequest" | "WebhookEndpointInput" | "ProviderSettingsInput"; multipart?: boolean; any?: boolean };
  answers: Record<number, Answer>;
  /** Shell, with $ORIGIN and $DAILIES_TOKEN. */
  curl?: string;
}

export const AUTH = `-H "authorization: Bearer $DAILIES_TOKEN"`;
export const err = (description: string): Answer => ({ description, json: "Error" });
export const UNAUTHORIZED = err("No session cookie and no valid API token");
export const CROSS_SITE = err("Sent with a session cookie from another site's page");
