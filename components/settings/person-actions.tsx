"use client";
import { useState } from "react";
import { passwordResetLinkAction, setPersonDisabledAction } from "@/lib/actions/people";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";
import { ShownOnce } from "./shown-once";

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
      {link && <ShownOnce compact value={link} what="Link" testId="reset-link" title={<>Send {email} this link; it works once, for 24 hours:</>} />}
    </div>
  );
}
