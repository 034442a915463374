"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import type { Result } from "../errors";
import { removeProviderSetting, saveProviderSettings, testProviderConnection, type ConnectionTest } from "../provider-settings/manage";
import type { ProviderSettingsView } from "../provider-settings/view";
import { fromAppError, type ActionResult } from "./result";

function settled<T>(result: Result<T>): ActionResult<T> {
  if (!result.ok) return fromAppError(result.error);
  // The composer's provider hints change with the settings.
  revalidatePath("/settings");
  revalidatePath("/");
  return result;
}

/** Owner only (manage.ts checks): saves the non-blank values, all or none. */
export async function saveProviderSettingsAction(providerId: string, values: Record<string, string>): Promise<ActionResult<ProviderSettingsView>> {
  return settled(await saveProviderSettings(await db(), await currentViewer(), providerId, values));
}

export async function removeProviderSettingAction(providerId: string, name: string): Promise<ActionResult<ProviderSettingsView>> {
  return settled(await removeProviderSetting(await db(), await currentViewer(), providerId, name));
}

export async function testProviderConnectionAction(providerId: string): Promise<ActionResult<ConnectionTest>> {
  const result = await testProviderConnection(await db(), await currentViewer(), providerId);
  return result.ok ? result : fromAppError(result.error);
}
