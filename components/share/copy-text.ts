"use client";

/**
 * Copies text to the clipboard. The Clipboard API needs a secure context (a studio reached
 * over plain http on a LAN has none), so fall back to selecting the text and the old copy command.
 * Returns whether it worked; on failure the text is left selected for Ctrl+C.
 */
export async function copyText(text: string, input?: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      input?.select();
      return true;
    }
  } catch {
    // Permission refused or document not focused: try the fallback.
  }
  const el = input ?? Object.assign(document.createElement("input"), { value: text, readOnly: true });
  if (!input) {
    el.style.position = "fixed";
    el.style.opacity = "0";
    document.body.append(el);
  }
  el.focus();
  el.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  if (!input) el.remove();
  return ok;
}
