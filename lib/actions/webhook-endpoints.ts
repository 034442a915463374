"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { createEndpoint, deleteEndpoint, sendAgain } from "../webhooks/outgoing/endpoints";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

/** Adds an outgoing webhook endpoint and returns its signing secret, this once. */
export async function createWebhookEndpointAction(input: { url: unknown; events: unknown; description?: unknown }): Promise<ActionResult<{ secret: string }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const fields = typeof input === "object" && input ? input : { url: undefined, events: undefined };
  const created = await createEndpoint(await db(), viewer.userId, {
    url: fields.url,
    events: fields.events,
    ...(typeof fields.description === "string" && fields.description.trim() ? { description: fields.description } : {}),
  });
  if (!created.ok) return fromAppError(created.error);
  revalidatePath("/settings");
  return { ok: true, value: { secret: created.value.secret } };
}

export async function deleteWebhookEndpointAction(id: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof id !== "string" || !(await deleteEndpoint(await db(), viewer.userId, id.slice(0, 64)))) return actionFail("That endpoint is already deleted.");
  revalidatePath("/settings");
  return { ok: true, value: null };
}

/** "Send again": the delivery is tried at once (within a second or so, by the worker). */
export async function sendWebhookAgainAction(id: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  if (typeof id !== "string") return actionFail("No such delivery.");
  const result = await sendAgain(await db(), viewer.userId, id.slice(0, 64));
  if (!result.ok) return fromAppError(result.error);
  revalidatePath("/settings");
  return { ok: true, value: null };
}
