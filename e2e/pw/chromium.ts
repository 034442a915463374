/** Where Debian's Chromium is and how to launch it headless in a container; shared by the tests and the bench. */

/** No sandbox (containers), no GPU, and nothing phoning home during a run. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

/** Playwright cannot download its own browser here; CHROMIUM_PATH overrides the Debian one. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
