import Link from "next/link";
import type { deliverySchema, endpointSchema } from "@/lib/webhooks/outgoing/schemas";
import type { z } from "zod";
import { CreateWebhookEndpoint } from "./create-webhook-endpoint";
import { SettingsList, SettingsListRow, SettingsTime as Time } from "./settings-list";
import { SettingsSection } from "./settings-section";
import { DeleteWebhookEndpointButton, SendAgainButton } from "./webhook-row-buttons";

type Endpoint = z.infer<typeof endpointSchema>;
type Delivery = z.infer<typeof deliverySchema>;

const STATUS_STYLE: Record<Delivery["status"], string> = {
  delivered: "text-emerald-300",
  pending: "text-amber-300",
  failed: "text-red-300",
};

function deliveryOutcome(d: Delivery): string {
  if (d.status === "delivered") return `Delivered (HTTP ${d.lastStatusCode})`;
  if (d.status === "failed") return `Gave up after ${d.attempts} tries`;
  return d.attempts ? `Retrying (${d.attempts} ${d.attempts === 1 ? "try" : "tries"} so far)` : "Sending";
}

/** Outgoing webhooks: endpoints to add and delete, and the delivery log with "Send again". */
export function WebhooksSection({ endpoints, deliveries }: { endpoints: Endpoint[]; deliveries: Delivery[] }) {
  const urlOf = new Map(endpoints.map((e) => [e.id, e.url]));
  return (
    <SettingsSection
      id="webhooks-title"
      title="Webhooks"
      intro="Tell another service when your videos are ready or a job fails. Each delivery is signed (Standard Webhooks) and retried for 24 hours until it is answered with 2xx."
    >
      <CreateWebhookEndpoint />
      {endpoints.length > 0 && (
        <SettingsList label="Your webhook endpoints" className="mt-4">
          {endpoints.map((e) => (
            <SettingsListRow key={e.id}>
              <div className="min-w-0 flex-1">
                <p className="truncate font-mono text-sm text-neutral-100">{e.url}</p>
                <p className="text-xs text-neutral-400">
                  {e.description ? `${e.description} · ` : ""}
                  {e.events.join(", ")} · added <Time at={e.createdAt} />
                </p>
              </div>
              <DeleteWebhookEndpointButton id={e.id} url={e.url} />
            </SettingsListRow>
          ))}
        </SettingsList>
      )}
      {endpoints.length > 0 && (
        <div className="mt-5">
          <h3 className="text-sm font-medium text-neutral-200">Recent deliveries</h3>
          {deliveries.length === 0 ? (
            <p className="mt-1 text-xs text-neutral-500">None yet: they appear when a job ends.</p>
          ) : (
            <SettingsList label="Recent webhook deliveries" className="mt-2">
              {deliveries.map((d) => (
                <SettingsListRow key={d.id} testId="webhook-delivery" className="gap-y-1 py-2">
                  <div className="min-w-0 flex-1 text-xs">
                    <p className="text-sm text-neutral-100">
                      <code className="font-mono">{d.event}</code> for{" "}
                      <Link className="underline decoration-neutral-600 hover:text-white" href={`/jobs/${d.jobId}`}>
                        this job
                      </Link>{" "}
                      · <span className={STATUS_STYLE[d.status]}>{deliveryOutcome(d)}</span>
                    </p>
                    <p className="text-neutral-400">
                      <span className="font-mono">{urlOf.get(d.endpointId) ?? ""}</span> · <Time at={d.lastAttemptAt ?? d.createdAt} />
                      {d.lastError ? ` · ${d.lastError}` : ""}
                      {d.nextAttemptAt && d.attempts > 0 ? (
                        <>
                          {" "}
                          · next try <Time at={d.nextAttemptAt} />
                        </>
                      ) : null}
                    </p>
                  </div>
                  <SendAgainButton id={d.id} />
                </SettingsListRow>
              ))}
            </SettingsList>
          )}
        </div>
      )}
    </SettingsSection>
  );
}
