"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { isOwner } from "../auth/instance";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { refreshProviderCatalog } from "../providers/discovered-catalog";
import { ProviderError } from "../providers/kit/errors";
import { settingSource } from "../providers/kit/settings";
import { getProvider } from "../providers/registry";
import { removeProviderSetting, saveProviderSetting } from "../providers/saved-settings";
import type { VideoProvider } from "../providers/types";
import { actionFail, SIGNED_OUT, type ActionResult } from "./result";

type Checked = { ok: true; provider: VideoProvider } | { ok: false; result: ActionResult<never> };

/** Who is asking (the owner only), then which provider and, when given, which of its settings. */
async function ownerAndSetting(providerId: unknown, name?: unknown): Promise<Checked> {
  const viewer = await currentViewer();
  if (!viewer) return { ok: false, result: actionFail(SIGNED_OUT) };
  if (!(await isOwner(await db(), viewer.userId))) return { ok: false, result: actionFail("Only the owner of this studio can change provider settings.") };
  const provider = typeof providerId === "string" ? getProvider(providerId) : undefined;
  if (!provider?.config) return { ok: false, result: actionFail("That provider has no settings here.") };
  if (name !== undefined && (typeof name !== "string" || !(name in provider.config.schema.shape))) {
    return { ok: false, result: actionFail(`${provider.label} has no setting by that name.`) };
  }
  if (typeof name === "string" && settingSource(name) === "environment") {
    return { ok: false, result: actionFail(`${name} is set by the server's environment; change it there.`) };
  }
  return { ok: true, provider };
}

/** Saves one setting (encrypted); in use at once, also by jobs already at the provider. */
export async function saveProviderSettingAction(providerId: string, name: string, value: string): Promise<ActionResult<{ name: string }>> {
  const checked = await ownerAndSetting(providerId, name);
  if (!checked.ok) return checked.result;
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) return actionFail(`Enter a value for ${name}.`, { [name]: "Enter a value, or use Remove." });
  if (text.length > 4096) return actionFail(`That value is too long for ${name}.`, { [name]: "At most 4096 characters." });
  const parsed = (checked.provider.config!.schema.shape[name] as z.ZodType).safeParse(text);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "This value is not valid.";
    return actionFail(`${name}: ${message}`, { [name]: message });
  }
  await saveProviderSetting(await db(), name, text);
  // With a key it can now list its models: ask at once rather than at the next scheduled refresh.
  void refreshProviderCatalog(await db(), checked.provider);
  revalidatePath("/settings");
  revalidatePath("/");
  return { ok: true, value: { name } };
}

export async function removeProviderSettingAction(providerId: string, name: string): Promise<ActionResult<{ name: string }>> {
  const checked = await ownerAndSetting(providerId, name);
  if (!checked.ok) return checked.result;
  await removeProviderSetting(await db(), name);
  revalidatePath("/settings");
  revalidatePath("/");
  return { ok: true, value: { name } };
}

/** Makes the provider's cheapest authenticated call and says plainly what failed. */
export async function testProviderConnectionAction(providerId: string): Promise<ActionResult<{ message: string }>> {
  const checked = await ownerAndSetting(providerId);
  if (!checked.ok) return checked.result;
  const { provider } = checked;
  if (!provider.testConnection) return actionFail(`${provider.label} has no connection test.`);
  if (!provider.isConfigured()) return actionFail(provider.configureHint);
  try {
    await provider.testConnection();
    return { ok: true, value: { message: `${provider.label} answered: the key works.` } };
  } catch (err) {
    if (err instanceof ProviderError) return actionFail(err.message);
    console.warn(`[settings] connection test for ${provider.id} failed`, err);
    return actionFail(`The connection test for ${provider.label} failed unexpectedly. Check the server log.`);
  }
}
