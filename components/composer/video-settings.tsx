"use client";
import type { ModelOption } from "@/lib/providers/catalog";
import { Field, Select, describedBy } from "../ui/field";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import type { SettingsValues } from "./settings-values";

function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  error,
}: {
  id: keyof SettingsValues;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field id={id} label={label} error={error} className="min-w-0">
      <Select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Shape, length, resolution and frame rate, offering only what the chosen model allows. */
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
    <div className="flex flex-col gap-4">
      <AspectRatioPicker
        ratios={model.aspectRatios}
        value={values.aspectRatio}
        onChange={(v) => onChange("aspectRatio", v)}
        error={errors.aspectRatio}
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <SelectField
          id="durationSeconds"
          label="Duration"
          value={values.durationSeconds}
          options={model.durations.map((d) => ({ value: String(d), label: `${d} s` }))}
          onChange={(v) => onChange("durationSeconds", v)}
          error={errors.durationSeconds}
        />
        <SelectField
          id="resolution"
          label="Resolution"
          value={values.resolution}
          options={model.resolutions.map((r) => ({ value: r, label: r }))}
          onChange={(v) => onChange("resolution", v)}
          error={errors.resolution}
        />
        {model.fps.length > 1 && (
          <SelectField
            id="fps"
            label="Frame rate"
            value={values.fps}
            options={model.fps.map((f) => ({ value: String(f), label: `${f} fps` }))}
            onChange={(v) => onChange("fps", v)}
            error={errors.fps}
          />
        )}
      </div>
    </div>
  );
}
