/**
 * Sealing provider settings at rest: AES-256-GCM under a key derived from APP_SECRET with HKDF,
 * a fresh 96-bit IV per value, and the provider id + setting name as additional authenticated
 * data, so a sealed value copied onto another row (or another provider) does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = "dailies";
const INFO = "dailies/provider-settings/aes-256-gcm/v1";

export interface SettingSlot {
  provider: string;
  name: string;
}

export class UnreadableSettingError extends Error {
  constructor(slot: SettingSlot) {
    super(`The saved ${slot.name} for ${slot.provider} cannot be read: it was saved with another APP_SECRET, or changed outside Dailies.`);
    this.name = "UnreadableSettingError";
  }
}

const keys = new Map<string, Buffer>();

function keyFor(appSecret: string): Buffer {
  let key = keys.get(appSecret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", appSecret, SALT, INFO, 32));
    keys.clear(); // one secret per process; never grow
    keys.set(appSecret, key);
  }
  return key;
}

const aad = ({ provider, name }: SettingSlot) => Buffer.from(`${provider}\0${name}`, "utf8");

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function sealSetting(appSecret: string, slot: SettingSlot, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(appSecret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(slot));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, iv, ct, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plain value; throws UnreadableSettingError if the secret, the slot or a byte differs. */
export function openSetting(appSecret: string, slot: SettingSlot, sealed: string): string {
  const [format, iv, ct, tag, ...rest] = sealed.split(".");
  if (format !== FORMAT || iv === undefined || ct === undefined || tag === undefined || rest.length > 0) throw new UnreadableSettingError(slot);
  try {
    const ivBytes = Buffer.from(iv, "base64url");
    const tagBytes = Buffer.from(tag, "base64url");
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new UnreadableSettingError(slot);
    const decipher = createDecipheriv("aes-256-gcm", keyFor(appSecret), ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSettingError(slot);
  }
}
