/** The Replicate fake's public shapes: what tests can read from it and drive it with. */
import type { FakePrediction, FakeTimings, predictionJson } from "./replicate-prediction";
import type { WebhookVariant } from "./replicate-webhook";

export interface ReplicateFakeOptions {
  timings?: Partial<FakeTimings>;
  /** How long output files stay downloadable after completion (Replicate: 1 h). */
  outputTtlMs?: number;
  webhookSecret?: string;
  /** Whether `GET /v1/predictions` lists predictions (default true); false answers 404, as if it did not exist. */
  listPredictions?: boolean;
  /** Predictions per page of that list (Replicate: 100). */
  listPageSize?: number;
  /** Webhook deliveries in progress at once (default: no limit). */
  webhookConcurrency?: number;
}

export interface FakeSubmission {
  model: string;
  input: Record<string, unknown>;
  webhook: string | null;
  webhookEventsFilter: string[] | null;
  headers: Record<string, string>;
  /** The HTTP status the fake answered (429/422 for the error scenarios). */
  answeredStatus: number;
}

export interface FakeUpload {
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  url: string;
}

export interface FakeWebhookDelivery {
  predictionId: string;
  event: string;
  webhookId: string;
  url: string;
  attempt: number;
  /** Receiver's HTTP status; null when unreachable. */
  status: number | null;
  /** When the receiver answered (epoch ms). */
  at: number;
}

export interface ReplicateFake {
  /** Ends with /v1, like REPLICATE_BASE_URL. */
  baseUrl: string;
  origin: string;
  /** The one API token it accepts (changes after rotateToken). */
  readonly token: string;
  /** Issues a new token and stops accepting the old one, as revoking a key on Replicate does. */
  rotateToken(): string;
  /** Current signing secret (changes after rotateWebhookSecret). */
  readonly webhookSecret: string;
  /** Create requests the fake accepted (201). */
  submissions: FakeSubmission[];
  /** Every create request it received, accepted or not (429, 402, 422...). */
  attempts: FakeSubmission[];
  /** GETs of output files: of one (`<predictionId>.mp4`), or of all. */
  downloads(name?: string): number;
  predictions: Map<string, FakePrediction>;
  uploads: FakeUpload[];
  webhookDeliveries: FakeWebhookDelivery[];
  /** How often `GET /v1/webhooks/default/secret` was called. */
  readonly secretRequests: number;
  /** How often `GET /v1/predictions` (the list) was called. */
  readonly listRequests: number;
  /** The prediction as the API would return it now. */
  prediction(id: string): ReturnType<typeof predictionJson> | undefined;
  /** Ends every processing prediction now (succeeded, unless its markers say otherwise), as if the models all finished at once; how many. */
  finishProcessing(): number;
  /** A cancel that did not come from the client (someone on the dashboard). */
  cancelPrediction(id: string): void;
  rotateWebhookSecret(): string;
  /** From now on `GET /v1/webhooks/default/secret` answers this HTTP status (null: answers normally again). */
  failSecretRequests(status: number | null): void;
  /** Sends (or resends) a signed delivery of the prediction; defaults: its webhook URL and its `completed` id. */
  sendWebhook(id: string, opts?: WebhookVariant & { url?: string; event?: string }): Promise<number | null>;
  close(): Promise<void>;
}
