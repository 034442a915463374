"use client";
import type { ModelOption } from "@/lib/providers/catalog";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { ChipSelect } from "./chip-select";
import type { SettingsValues } from "./settings-values";

/** Shape, length and resolution as chips, offering only what the chosen model allows (frame rate lives under "⋯"). */
export function VideoSettings({
  model,
  values,
  onChange,
  errors,
}: {
  model: ModelOption;
  values: SettingsValues;
  onChange: (name: keyof SettingsValues, value: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <AspectRatioPicker ratios={model.aspectRatios} value={values.aspectRatio} onChange={(v) => onChange("aspectRatio", v)} error={errors.aspectRatio} />
      <ChipSelect
        id="durationSeconds"
        label="Duration"
        value={values.durationSeconds}
        options={model.durations.map((d) => ({ value: String(d), label: `${d} s` }))}
        onChange={(v) => onChange("durationSeconds", v)}
        error={errors.durationSeconds}
      />
      <ChipSelect
        id="resolution"
        label="Resolution"
        value={values.resolution}
        options={model.resolutions.map((r) => ({ value: r, label: r }))}
        onChange={(v) => onChange("resolution", v)}
        error={errors.resolution}
      />
    </>
  );
}
