/** What a person can do about a failed job, by its error code. */
export function failureHelp(code: string | undefined): string {
  switch (code) {
    case "content_policy":
      return "Remix to change the prompt; the same words would be refused again.";
    case "invalid_input":
      return "Remix to fix the settings, then generate again.";
    case "quota_exhausted":
      return "Top up the provider account, then Retry.";
    case "output_expired":
      return "The provider no longer has the file. Retry to make it again.";
    default:
      return "Retry it as it was, or Remix to edit and retry.";
  }
}
