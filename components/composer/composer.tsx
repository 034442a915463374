"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { promptStart } from "@/lib/jobs/format-job";
import { fitOptions } from "@/lib/jobs/option-values";
import { snapSettings } from "@/lib/jobs/snap-settings";
import type { ModelOption, ProviderGroup } from "@/lib/providers/catalog";
import { upsertJob } from "../gallery/jobs-cache";
import { Button } from "../ui/button";
import { describedBy, Field, Textarea, TextField } from "../ui/field";
import { useToast } from "../ui/toaster";
import { ComparePicker } from "./compare-picker";
import { Estimate } from "./estimate";
import { ImageField } from "./image-field";
import type { ComposerInitial } from "./initial-values";
import { ModelOptions } from "./model-options";
import { ModelPicker } from "./model-picker";
import { PromptField } from "./prompt-field";
import { fromFormValues, toFormValues, type SettingsValues } from "./settings-values";
import { useImageAttachment } from "./use-image-attachment";
import { TakesPicker } from "./takes-picker";
import { useRemixImage } from "./use-remix-image";
import { VideoSettings } from "./video-settings";

const UNREACHABLE = "The studio could not be reached. Check your connection and try again; nothing you typed is lost.";

function imageNote(model: ModelOption, hasImage: boolean): string | undefined {
  if (hasImage && model.imageUnavailable)
    return `${model.label} cannot take an image on this studio: it ${model.imageUnavailable}. Remove the image or pick another model.`;
  if (hasImage && !model.modes.includes("image"))
    return `${model.label} makes videos from text only, so it cannot use this image. Remove it or pick a model that takes an image.`;
  if (!hasImage && !model.modes.includes("text")) return `${model.label} animates a still image: add one.`;
  return undefined;
}

/** The fields this model's form shows, so their errors can sit next to them. */
function visibleFields(model: ModelOption): Set<string> {
  const names = ["prompt", "image", "model", "aspectRatio", "durationSeconds", "resolution"];
  if (model.fps.length > 1) names.push("fps");
  if (model.negativePrompt) names.push("negativePrompt");
  if (model.seed) names.push("seed");
  if (model.options?.length) names.push("options", ...model.options.map((o) => `options.${o.key}`));
  return new Set(names);
}

/**
 * The form-level alert. When its sentence already stands next to its field, it points there
 * instead, so a screen reader does not hear the same sentence twice.
 */
function formAlert(error: string, fieldErrors: Record<string, string>, model: ModelOption): string {
  const shown = Object.entries(fieldErrors).filter(([name]) => visibleFields(model).has(name));
  if (!shown.some(([, message]) => message === error)) return error;
  return shown.length === 1 ? "Fix the field marked above, then generate again." : `Fix the ${shown.length} fields marked above, then generate again.`;
}

/** The studio's composer: everything a video needs, checked against the chosen model, sent as the form itself. */
export function Composer({ catalog, initial }: { catalog: ProviderGroup[]; initial: ComposerInitial }) {
  const models = useMemo(() => new Map(catalog.flatMap((g) => g.models.map((m) => [m.id, m] as const))), [catalog]);
  const [modelId, setModelId] = useState(initial.modelId);
  const model = models.get(modelId) ?? models.get(initial.modelId)!;
  const [prompt, setPrompt] = useState(initial.prompt);
  const [negativePrompt, setNegativePrompt] = useState(initial.negativePrompt);
  const [seed, setSeed] = useState(initial.seed);
  const [settings, setSettings] = useState<SettingsValues>(initial.settings);
  // What the person last picked themselves: browsing through a model that lacks 1:1 does not lose 1:1 for the next one.
  const [wanted, setWanted] = useState<SettingsValues>(initial.settings);
  // Option values by key, likewise kept across models; the chosen model's own are fitted from them.
  const [wantedOptions, setWantedOptions] = useState<Record<string, string | boolean>>(initial.options);
  const optionValues = useMemo(() => fitOptions(model.options, wantedOptions), [model.options, wantedOptions]);
  const [attachment, attach] = useImageAttachment();
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [takes, setTakes] = useState(1);
  const [compare, setCompare] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  // Editing a field retires its error and the form-level summary; the next Generate checks again.
  const clearError = useCallback((name: string) => {
    setFormError(null);
    setFieldErrors((all) => {
      if (!(name in all)) return all;
      const rest = { ...all };
      delete rest[name];
      return rest;
    });
  }, []);
  const clearImageError = useCallback(() => clearError("image"), [clearError]);
  const remixImageError = useRemixImage(initial.imageUrl, attachment, attach);

  function changeModel(id: string) {
    const next = models.get(id);
    if (!next) return;
    setModelId(id);
    clearError("model");
    // Keep what the new model allows; move the rest to its nearest allowed value.
    setSettings(toFormValues(snapSettings(fromFormValues(wanted), next)));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    // An empty file input still makes a part, and on its way through the server action it arrives
    // as a 0-byte file named "undefined", which the server rightly refuses as an empty image.
    if (!attachment) data.delete("image");
    const started = promptStart(prompt, 60);
    startTransition(async () => {
      const result = await createGenerationAction(data).catch(() => ({ ok: false as const, error: UNREACHABLE, fieldErrors: undefined }));
      if (!result.ok) {
        setFormError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setFormError(null);
      setFieldErrors({});
      for (const job of result.value) upsertJob(queryClient, job);
      toast(result.value.length > 1 ? `Generating ${result.value.length} takes: ${started}` : `Generating: ${started}`);
      // Settings stay as they are: the next take usually changes one thing.
      promptRef.current?.focus();
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!pending) e.currentTarget.requestSubmit();
    }
  }

  return (
    <form aria-label="Composer" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="flex flex-col gap-5">
      {initial.parentId && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-violet-500/40 bg-violet-500/10 px-3 py-2 text-sm text-violet-100">
          <span>Remixing a video: change anything, then generate. The new take points back to the original.</span>
          <Link href="/" className="text-xs text-violet-300 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-violet-400">
            Start fresh
          </Link>
          <input type="hidden" name="parentId" value={initial.parentId} />
        </div>
      )}
      {initial.notice && <p className="text-xs text-amber-300">{initial.notice}</p>}

      <PromptField
        value={prompt}
        onChange={(v) => {
          setPrompt(v);
          clearError("prompt");
        }}
        maxLength={model.maxPromptLength}
        modelLabel={model.label}
        error={fieldErrors.prompt}
        textareaRef={promptRef}
      />

      <ImageField
        attachment={attachment}
        onAttach={attach}
        note={imageNote(model, attachment !== null)}
        error={fieldErrors.image ?? remixImageError ?? undefined}
        onClearError={clearImageError}
      />

      <ModelPicker catalog={catalog} model={model} onChange={changeModel} error={fieldErrors.model} />

      <VideoSettings
        model={model}
        values={settings}
        onChange={(name, value) => {
          setSettings((s) => ({ ...s, [name]: value }));
          setWanted((w) => ({ ...w, [name]: value }));
          clearError(name);
        }}
        errors={fieldErrors}
      />

      <ModelOptions
        options={model.options}
        values={optionValues}
        onChange={(key, value) => {
          setWantedOptions((o) => ({ ...o, [key]: value }));
          clearError(`options.${key}`);
          clearError("options");
        }}
        errors={fieldErrors}
      />

      {(model.negativePrompt || model.seed) && (
        <div className="flex flex-wrap gap-3">
          {model.negativePrompt && (
            <Field id="negativePrompt" label="Negative prompt" error={fieldErrors.negativePrompt} className="min-w-0 flex-1 basis-64">
              <Textarea
                id="negativePrompt"
                name="negativePrompt"
                rows={2}
                value={negativePrompt}
                onChange={(e) => {
                  setNegativePrompt(e.target.value);
                  clearError("negativePrompt");
                }}
                placeholder="What to keep out: blur, text, watermarks…"
                {...describedBy("negativePrompt", fieldErrors.negativePrompt)}
              />
            </Field>
          )}
          {model.seed && (
            <TextField
              id="seed"
              label="Seed"
              hint="The same seed and settings give a similar take."
              error={fieldErrors.seed}
              className="w-44"
              name="seed"
              inputMode="numeric"
              autoComplete="off"
              value={seed}
              onChange={(e) => {
                setSeed(e.target.value);
                clearError("seed");
              }}
              placeholder="Random"
            />
          )}
        </div>
      )}

      <div className="flex flex-col gap-3">
        <TakesPicker value={takes} onChange={setTakes} disabled={compare.length > 0} />
        <ComparePicker catalog={catalog} value={compare} onChange={setCompare} durationSeconds={Number(settings.durationSeconds)} />
      </div>

      <Estimate model={model} durationSeconds={Number(settings.durationSeconds)} takes={compare.length > 0 ? 1 : takes} />

      {formError && (
        <p role="alert" className="rounded-lg border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-100">
          {formAlert(formError, fieldErrors, model)}
        </p>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending} className="min-w-32">
          {pending ? "Generating…" : "Generate"}
        </Button>
        <span className="text-xs text-neutral-500">
          <kbd className="font-sans">Ctrl</kbd> or <kbd className="font-sans">⌘</kbd> + <kbd className="font-sans">Enter</kbd>
        </span>
      </div>
    </form>
  );
}
