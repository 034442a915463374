"use client";
import { useState } from "react";
import { passwordResetLinkAction, setPersonDisabledAction } from "@/lib/actions/people";
import { copyText } from "../share/copy-text";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

/** Reset password (shows the one-time link to pass on) and disable/enable, for one person. */
export function PersonActions({ id, email, isOwner, disabled }: { id: string; email: string; isOwner: boolean; disabled: boolean }) {
  const [link, setLink] = useState<string>();
  const { busy, run } = useRunAction<"reset" | "disable">();
  const toast = useToast();

  async function reset() {
    const result = await run("reset", () => passwordResetLinkAction(id));
    if (result.ok) setLink(result.value.url);
  }

  async function toggle() {
    const result = await run("disable", () => setPersonDisabledAction(id, !disabled));
    if (result.ok) toast(disabled ? `${email} can sign in again` : `${email} is disabled and signed out`, "success");
  }

  async function copy() {
    if (link && (await copyText(link))) toast("Link copied", "success");
    else toast("Could not copy the link: select it and press Ctrl+C (or ⌘C).", "error");
  }

  return (
    <div className="flex w-full flex-col gap-2 sm:w-auto">
      <div className="flex gap-1 sm:justify-end">
        <Button size="sm" variant="ghost" busy={busy === "reset"} onClick={reset} title={`A one-time link for ${email} to set a new password`}>
          Reset password
        </Button>
        {!isOwner && (
          <Button size="sm" variant="ghost" className={disabled ? undefined : "text-red-300"} busy={busy === "disable"} onClick={toggle}>
            {disabled ? "Enable" : "Disable"}
          </Button>
        )}
      </div>
      {link && (
        <div className="rounded-md border border-violet-500/40 bg-violet-500/10 p-2 text-xs text-violet-100">
          <p>Send {email} this link; it works once, for 24 hours:</p>
          <div className="mt-1 flex items-center gap-2">
            <code data-testid="reset-link" className="min-w-0 flex-1 break-all font-mono select-all">
              {link}
            </code>
            <Button size="sm" onClick={copy}>
              Copy
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
