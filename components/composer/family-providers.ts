import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";

/**
 * How many configured providers sell the chosen model's family. Route choice (route-control) is
 * shown only past one; the composer asks this first so the control's code loads only then.
 */
export function familyProviderCount(catalog: ProviderGroup[], model: ModelOption): number {
  const providers = new Set<string>();
  for (const g of catalog) if (g.available) for (const m of g.models) if (m.family === model.family) providers.add(m.provider);
  return providers.size;
}
