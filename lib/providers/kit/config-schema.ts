/** zod pieces for provider settings slices. Pure: no env reads here (lib/env.ts merges the slices). */
import { z } from "zod";

export const optionalSetting = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const urlSetting = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: `${name} must be an http(s) URL` })
    .transform((v) => v.replace(/\/+$/, ""));

export const positiveIntSetting = (fallback: number) => z.coerce.number().int().positive().default(fallback);
