/** fal's queue and storage APIs on the kit client: `Authorization: Key …`, base URLs from its settings slice. */
import "server-only";
import { createClient, type Auth } from "../kit/client";
import { providerSettings } from "../kit/settings";
import { falConfig } from "./config";
import { falErrors, falReason, KEY_HINT, SERVICE } from "./errors";

export const falSettings = () => providerSettings(falConfig);

const auth: Auth = { kind: "header", name: "authorization", prefix: "Key ", value: () => falSettings().FAL_KEY };

/** queue.fal.run: submit, status, result, cancel. */
export const falQueue = createClient({ service: SERVICE, baseUrl: () => falSettings().FAL_QUEUE_URL, auth, keyHint: KEY_HINT, errors: falErrors, reason: falReason });

/** rest.fal.ai: storage uploads. */
export const falRest = createClient({ service: SERVICE, baseUrl: () => falSettings().FAL_REST_URL, auth, keyHint: KEY_HINT, errors: falErrors, reason: falReason });
