/** Moved to the provider kit; kept so existing imports keep working while adapters move over. */
export { ProviderError, WebhookVerificationError, parseRetryAfter } from "./kit/errors";
