/** What a person can do about a failed job, by its error code. */
export function failureHelp(code: string | undefined): string {
  switch (code) {
    case "content_policy":
      return "Edit and try again: the same words would be refused again.";
    case "invalid_input":
      return "Edit and try again with settings the model takes.";
    case "quota_exhausted":
      return "Check the provider account (Settings → Providers), top it up, then try again.";
    case "output_expired":
      return "The provider no longer has the file. Retry to make it again.";
    default:
      return "Retry it as it was, or Remix to edit and retry.";
  }
}
