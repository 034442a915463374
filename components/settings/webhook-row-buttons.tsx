"use client";
import { useState } from "react";
import { deleteWebhookEndpointAction, sendWebhookAgainAction } from "@/lib/actions/webhook-endpoints";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useToast } from "../ui/toaster";
import { useRunAction } from "../ui/use-run-action";

/** Deletes an endpoint after asking: nothing more is sent to it, and its delivery log goes too. */
export function DeleteWebhookEndpointButton({ id, url }: { id: string; url: string }) {
  const [asking, setAsking] = useState(false);
  const { busy, run } = useRunAction<"delete">();
  const toast = useToast();

  async function remove() {
    const result = await run("delete", () => deleteWebhookEndpointAction(id));
    setAsking(false);
    if (result.ok) toast("Endpoint deleted", "success");
  }

  return (
    <>
      <Button size="sm" variant="ghost" className="text-red-300" title={`Delete the endpoint ${url}`} onClick={() => setAsking(true)}>
        Delete
      </Button>
      <ConfirmDialog open={asking} title="Delete this endpoint?" confirmLabel="Delete endpoint" danger busy={busy === "delete"} onConfirm={remove} onClose={() => setAsking(false)}>
        <p className="break-all">Nothing more will be sent to {url}, and its delivery log is deleted too.</p>
      </ConfirmDialog>
    </>
  );
}

/** Sends one delivery again now, whatever became of it. */
export function SendAgainButton({ id }: { id: string }) {
  const { busy, run } = useRunAction<"send">();
  const toast = useToast();

  async function send() {
    const result = await run("send", () => sendWebhookAgainAction(id));
    if (result.ok) toast("Sending again", "success");
  }

  return (
    <Button size="sm" variant="ghost" busy={busy === "send"} onClick={send}>
      Send again
    </Button>
  );
}
