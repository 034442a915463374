"use client";
import { useToast } from "../ui/toaster";
import { copyText } from "./copy-text";

/**
 * Copy with the toast that says how it went: `what` names the thing ("Link", "Token"). When the
 * clipboard refuses, the text is left selected, so the failure toast says how to copy it by hand.
 */
export function useCopy(what: string): (text: string, input?: HTMLInputElement | null) => Promise<void> {
  const toast = useToast();
  return async (text, input) => {
    if (await copyText(text, input)) toast(`${what} copied`, "success");
    else toast(`Could not copy the ${what.toLowerCase()}: select it and press Ctrl+C (or ⌘C).`, "error");
  };
}
