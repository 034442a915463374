"use client";
import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { createGenerationAction } from "@/lib/actions/create-generation";
import { promptStart } from "@/lib/jobs/format-job";
import { audioSetting } from "@/lib/models/price";
import { fitOptions } from "@/lib/jobs/option-values";
import { snapSettings } from "@/lib/jobs/snap-settings";
import type { ProviderGroup } from "@/lib/providers/catalog";
import { upsertJob } from "../gallery/jobs-cache";
import { useHydrated } from "../gallery/use-now";
import { useActiveJobs } from "../shell/use-active-jobs";
import { Button } from "../ui/button";
import { useToast } from "../ui/toaster";
import { ComparePicker } from "./compare-picker";
import { Estimate } from "./estimate";
import { ImageField } from "./image-field";
import type { ComposerInitial } from "./initial-values";
import type { ProjectJson } from "@/lib/actions/projects";
import { UNSORTED_ID } from "@/lib/jobs/list-filters";
import { ModelCards } from "./model-cards";
import { ModelHint } from "./model-hint";
import { ModelPicker } from "./model-picker";
import { MoreSettings } from "./more-settings";
import { PromptEnhance } from "./prompt-enhance";
import { ProjectChip } from "./project-chip";
import { PromptField } from "./prompt-field";
import { familyProviderCount } from "./family-providers";
import { PromptHistory } from "./prompt-history";
import { formAlert, imageNote } from "./form-messages";
import { fromFormValues, toFormValues, type SettingsValues } from "./settings-values";
import { useImageAttachment } from "./use-image-attachment";
import { TakesPicker } from "./takes-picker";
import { useFormErrors } from "./use-form-errors";
import { useRemixImage } from "./use-remix-image";
import { VideoSettings } from "./video-settings";

// Route choice exists only where two configured providers sell the model: its code loads only then.
const RouteControl = dynamic(() => import("./route-control").then((m) => m.RouteControl));
// A model's own options (audio, style…) load only for a model that has some.
const ModelOptions = dynamic(() => import("./model-options").then((m) => m.ModelOptions));

const UNREACHABLE = "The studio could not be reached. Check your connection and try again; nothing you typed is lost.";

/** The studio's composer: everything a video needs, checked against the chosen model, sent as the form itself. */
export function Composer({
  catalog,
  initial,
  canEnhance = false,
  projects = [],
}: {
  catalog: ProviderGroup[];
  initial: ComposerInitial;
  /** The person's projects, for the Project chip (none: no chip, takes go to Unsorted). */
  projects?: ProjectJson[];
  /** A prompt assistant is configured (LLM_BASE_URL): show Enhance. Without it there is no button at all. */
  canEnhance?: boolean;
}) {
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
  const [takes, setTakes] = useState(1);
  const [compare, setCompare] = useState<string[]>([]);
  const [projectId, setProjectId] = useState<string>(UNSORTED_ID);
  const [pending, startTransition] = useTransition();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Marks the form once React owns it: typing before that reaches the page but not the form's state.
  const hydrated = useHydrated();
  const { formError, fieldErrors, clearError, failed, succeeded, alertRef } = useFormErrors(formRef);
  const queued = useActiveJobs().filter((j) => j.status === "queued").length;
  const queryClient = useQueryClient();
  const toast = useToast();

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

  function changeSetting(name: keyof SettingsValues, value: string) {
    setSettings((s) => ({ ...s, [name]: value }));
    setWanted((w) => ({ ...w, [name]: value }));
    clearError(name);
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
      if (!result.ok) return failed(result.error, result.fieldErrors);
      succeeded();
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
    <form ref={formRef} aria-label="Composer" data-hydrated={hydrated ? "true" : undefined} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="flex flex-col gap-5">
      {initial.parentId && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-violet-500/40 bg-violet-500/10 px-3 py-2 text-sm text-violet-100">
          <span>Remixing a video: change anything, then generate. The new take points back to the original.</span>
          <Link href="/" className="tap-target inline-flex items-center text-xs text-violet-300 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-violet-400">
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
      <PromptHistory
        onPick={(p) => {
          setPrompt(p);
          clearError("prompt");
          promptRef.current?.focus();
        }}
      />
      {canEnhance && (
        <PromptEnhance
          prompt={prompt}
          onAccept={(next) => {
            setPrompt(next);
            clearError("prompt");
            promptRef.current?.focus();
          }}
        />
      )}

      <ImageField
        attachment={attachment}
        onAttach={attach}
        note={imageNote(model, attachment !== null)}
        error={fieldErrors.image ?? remixImageError ?? undefined}
        onClearError={clearImageError}
      />

      {/* The chip row: one line of settings, each chip labelled and reachable by Tab; it wraps on a narrow screen. */}
      <div role="group" aria-label="Video settings" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-start gap-2">
          <ModelPicker catalog={catalog} model={model} onChange={changeModel} error={fieldErrors.model} />
          <ModelCards catalog={catalog} model={model} onChange={changeModel} />
          <VideoSettings
            model={model}
            values={settings}
            onChange={changeSetting}
            errors={fieldErrors}
          />
          <ProjectChip
            projects={projects}
            value={projectId}
            onChange={(v) => {
              setProjectId(v);
              clearError("projectId");
            }}
            error={fieldErrors.projectId}
          />
          <TakesPicker value={takes} onChange={setTakes} disabled={compare.length > 0} />
          <MoreSettings
            model={model}
            startOpen={Boolean(initial.seed || initial.negativePrompt)}
            fps={settings.fps}
            onFps={(v) => changeSetting("fps", v)}
            negativePrompt={negativePrompt}
            onNegativePrompt={(v) => {
              setNegativePrompt(v);
              clearError("negativePrompt");
            }}
            seed={seed}
            onSeed={(v) => {
              setSeed(v);
              clearError("seed");
            }}
            errors={fieldErrors}
          />
        </div>
        <ModelHint catalog={catalog} model={model} />
        {familyProviderCount(catalog, model) > 1 && (
          <RouteControl
            catalog={catalog}
            model={model}
            settings={{
              mode: attachment ? "image" : "text",
              durationSeconds: Number(settings.durationSeconds),
              resolution: settings.resolution,
              aspectRatio: settings.aspectRatio,
              fps: Number(settings.fps),
              audio: audioSetting(optionValues),
            }}
            onChange={changeModel}
          />
        )}
      </div>

      {model.options?.length ? (
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
      ) : null}

      <ComparePicker catalog={catalog} value={compare} onChange={setCompare} durationSeconds={Number(settings.durationSeconds)} />

      {formError && (
        <p ref={alertRef} tabIndex={-1} role="alert" className="rounded-lg border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-100">
          {formAlert(formError, fieldErrors, model)}
        </p>
      )}

      {/* Always on screen: a bar at the bottom of a phone's screen, the foot of the pinned column on a desktop. */}
      <div
        data-testid="composer-bar"
        className="fixed inset-x-0 bottom-0 z-20 flex items-center gap-3 border-t border-neutral-800 bg-neutral-950/95 px-4 py-3 backdrop-blur lg:sticky lg:inset-x-auto lg:-mx-1 lg:rounded-lg lg:border lg:px-3"
      >
        <div className="min-w-0 flex-1">
          <Estimate
            model={model}
            durationSeconds={Number(settings.durationSeconds)}
            resolution={settings.resolution}
            queued={queued}
            takes={takes}
            compared={compare.flatMap((id) => models.get(id) ?? [])}
          />
          <span className="hidden text-xs text-neutral-400 lg:block">
            <kbd className="font-sans">Ctrl</kbd> or <kbd className="font-sans">⌘</kbd> + <kbd className="font-sans">Enter</kbd>
          </span>
        </div>
        {/* busy, not disabled: a disabled button would drop keyboard focus to the page. */}
        <Button type="submit" variant="primary" size="lg" busy={pending} className="min-w-32 shrink-0">
          {pending ? "Generating…" : "Generate"}
        </Button>
      </div>
    </form>
  );
}
