"use client";
import { useState } from "react";
import { createWebhookEndpointAction } from "@/lib/actions/webhook-endpoints";
import { EVENT_LABELS, OUTGOING_EVENTS, type OutgoingEvent } from "@/lib/webhooks/outgoing/events";
import { Button } from "../ui/button";
import { describedBy, Field, Input } from "../ui/field";
import { useRunAction } from "../ui/use-run-action";
import { ShownOnce } from "./shown-once";

/** Adds an endpoint: its URL, which events, an optional note; then shows its signing secret once. */
export function CreateWebhookEndpoint() {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<OutgoingEvent[]>([...OUTGOING_EVENTS]);
  const [errors, setErrors] = useState<{ url?: string; events?: string; form?: string }>({});
  const [secret, setSecret] = useState<string>();
  const { busy, run } = useRunAction<"create">();

  function toggle(event: OutgoingEvent, on: boolean) {
    setEvents((now) => (on ? OUTGOING_EVENTS.filter((e) => e === event || now.includes(e)) : now.filter((e) => e !== event)));
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = await run("create", () => createWebhookEndpointAction({ url, events, description }), { toastFailure: false });
    if (!result.ok) {
      const f = result.fieldErrors ?? {};
      return setErrors({ url: f.url, events: f.events, form: f.url || f.events ? undefined : result.error });
    }
    setErrors({});
    setUrl("");
    setDescription("");
    setSecret(result.value.secret);
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Add a webhook endpoint">
        <Field id="webhook-url" label="Endpoint URL" hint="Dailies POSTs a signed JSON event here when one of your jobs ends." error={errors.url}>
          <Input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://example.com/hooks/dailies"
            autoComplete="off"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            {...describedBy("webhook-url", errors.url, true)}
          />
        </Field>
        <fieldset className="flex flex-col gap-1.5" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-neutral-200">Events</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-1">
            {OUTGOING_EVENTS.map((event) => (
              <label key={event} className="flex min-h-11 items-center gap-2 text-sm text-neutral-300">
                <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} className="accent-violet-500" />
                {EVENT_LABELS[event]} <code className="font-mono text-xs text-neutral-500">{event}</code>
              </label>
            ))}
          </div>
          {errors.events && (
            <p id="webhook-events-error" role="alert" className="text-xs text-red-400">
              {errors.events}
            </p>
          )}
        </fieldset>
        <Field id="webhook-description" label="Note (optional)" hint="What receives it, e.g. “render pipeline”.">
          <Input id="webhook-description" name="description" maxLength={100} autoComplete="off" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {errors.form && (
          <p role="alert" className="text-sm text-red-400">
            {errors.form}
          </p>
        )}
        <div>
          <Button type="submit" variant="primary" busy={busy === "create"}>
            Add endpoint
          </Button>
        </div>
      </form>
      {secret && (
        <ShownOnce
          value={secret}
          what="Secret"
          testId="new-webhook-secret"
          title="The endpoint’s signing secret. Copy it now: it is shown only once."
          note="Verify each delivery with it (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)."
        />
      )}
    </div>
  );
}
