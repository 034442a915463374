/**
 * The owner's verbs on Settings → Providers: save, remove, test. Server actions and the JSON API
 * both call these with the viewer they resolved; only the instance owner gets past the first check.
 */
import "server-only";
import { z, type ZodType } from "zod";
import type { Viewer } from "../auth/viewer";
import { isOwner } from "../auth/instance";
import type { Db } from "../db/client";
import { deleteProviderSettings, upsertProviderSettings } from "../db/queries/provider-settings";
import { env, setInEnvironment } from "../env";
import { fail, ok, type Result } from "../errors";
import { ProviderError } from "../providers/kit/errors";
import type { VideoProvider } from "../providers/types";
import { refreshProviderSettings } from "./cache";
import { sealSetting } from "./crypto";
import { editableProvider, providerSettingsView, providerSettingsViews, type ProviderSettingsView } from "./view";

export const NOT_OWNER = "Only the owner of this studio can change provider settings.";
const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
const MAX_VALUE_LENGTH = 4000;

const providerIdSchema = z.string().trim().min(1).max(64);
const valuesSchema = z.record(z.string().max(100), z.string().max(MAX_VALUE_LENGTH, `Keep each value under ${MAX_VALUE_LENGTH} characters.`));

async function ownedProvider(db: Db, viewer: Viewer | null, providerId: unknown): Promise<Result<VideoProvider>> {
  if (!viewer) return fail("unauthorized", SIGNED_OUT);
  if (!(await isOwner(db, viewer.userId))) return fail("forbidden", NOT_OWNER);
  const id = providerIdSchema.safeParse(providerId);
  const provider = id.success ? editableProvider(id.data) : undefined;
  return provider ? ok(provider) : fail("not_found", "There is no such provider in this studio.");
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A zod issue as a sentence that names the setting. */
function fieldSentence(name: string, message: string | undefined): string {
  const text = message?.trim() || "is not a valid value";
  return sentence(text.includes(name) ? text : `${name}: ${text}`);
}

/**
 * Checks every non-blank value with the provider's own slice, then seals and stores them all, or
 * nothing. A blank value leaves that setting as it is (secrets are never sent back to be kept).
 */
export async function saveProviderSettings(db: Db, viewer: Viewer | null, providerId: unknown, values: unknown): Promise<Result<ProviderSettingsView>> {
  const owned = await ownedProvider(db, viewer, providerId);
  if (!owned.ok) return owned;
  const provider = owned.value;
  const parsedValues = valuesSchema.safeParse(values);
  if (!parsedValues.success) return fail("bad_request", parsedValues.error.issues[0]?.message ?? "Send the settings as names and text values.");

  const shape = provider.config!.schema.shape as Record<string, ZodType>;
  const fieldErrors: Record<string, string> = {};
  const toSave: Array<{ name: string; value: string }> = [];
  for (const [name, raw] of Object.entries(parsedValues.data)) {
    const value = raw.trim();
    if (!value) continue;
    const field = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (!field) fieldErrors[name] = `${provider.label} has no setting called ${name}.`;
    else if (setInEnvironment(name)) fieldErrors[name] = `${name} is set by the server's environment, which wins; change it there.`;
    else {
      const checked = field.safeParse(value);
      if (checked.success) toSave.push({ name, value });
      else fieldErrors[name] = fieldSentence(name, checked.error.issues[0]?.message);
    }
  }
  const errors = Object.values(fieldErrors);
  if (errors.length > 0) return fail("validation", errors.length === 1 ? errors[0]! : "Check the highlighted settings; nothing was saved.", fieldErrors);
  if (toSave.length === 0) return fail("validation", "Enter a value to save.");

  const secret = env().APP_SECRET;
  const sealed = toSave.map(({ name, value }) => ({ name, sealed: sealSetting(secret, { provider: provider.id, name }, value) }));
  await upsertProviderSettings(db, provider.id, sealed, viewer!.userId, Date.now());
  await refreshProviderSettings(db, { force: true });
  return ok(providerSettingsView(provider));
}

/** Forgets one saved setting; the environment's value or the default applies again. */
export async function removeProviderSetting(db: Db, viewer: Viewer | null, providerId: unknown, name: unknown): Promise<Result<ProviderSettingsView>> {
  const owned = await ownedProvider(db, viewer, providerId);
  if (!owned.ok) return owned;
  const provider = owned.value;
  if (typeof name !== "string" || !Object.hasOwn(provider.config!.schema.shape, name))
    return fail("not_found", `${provider.label} has no setting called ${String(name).slice(0, 100)}.`);
  await deleteProviderSettings(db, provider.id, [name]);
  await refreshProviderSettings(db, { force: true });
  return ok(providerSettingsView(provider));
}

export interface ConnectionTest {
  connected: boolean;
  /** "Connected", or what failed, in the provider error's own words. */
  message: string;
}

/** The provider's cheapest authenticated call with the settings in use now. */
export async function testProviderConnection(db: Db, viewer: Viewer | null, providerId: unknown): Promise<Result<ConnectionTest>> {
  const owned = await ownedProvider(db, viewer, providerId);
  if (!owned.ok) return owned;
  const provider = owned.value;
  if (!provider.testConnection) return fail("bad_request", `${provider.label} has no connection test.`);
  await refreshProviderSettings(db);
  if (!provider.isConfigured()) return ok({ connected: false, message: `${provider.label} is not configured. ${provider.configureHint}` });
  try {
    await provider.testConnection();
    return ok({ connected: true, message: "Connected" });
  } catch (err) {
    if (err instanceof ProviderError) return ok({ connected: false, message: err.message });
    console.error(`[provider-settings] connection test of ${provider.id} crashed`, err);
    return ok({ connected: false, message: `The connection test of ${provider.label} failed unexpectedly; the server log has the details.` });
  }
}

/** The owner's view of every provider, fresh from the database. */
export async function readProviderSettings(db: Db, viewer: Viewer | null): Promise<Result<ProviderSettingsView[]>> {
  if (!viewer) return fail("unauthorized", SIGNED_OUT);
  if (!(await isOwner(db, viewer.userId))) return fail("forbidden", NOT_OWNER);
  await refreshProviderSettings(db);
  return ok(providerSettingsViews());
}
