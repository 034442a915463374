"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Select } from "@/components/ui/field";
import { useRunAction } from "@/components/ui/use-run-action";
import { useToast } from "@/components/ui/toaster";
import { moveToProjectAction, type ProjectJson } from "@/lib/actions/projects";
import { UNSORTED_ID } from "@/lib/jobs/list-filters";
import type { JobJson } from "@/lib/jobs/serialize";
import { upsertJob } from "../gallery/jobs-cache";
import { ProjectOptions } from "./project-options";

/** Moves one or more videos into a project; the lists are re-read, so a filtered one drops what left it. */
export function MoveToProject({ jobs, projects, label = "Move to project" }: { jobs: JobJson[]; projects: ProjectJson[]; label?: string }) {
  const id = useId();
  const qc = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { busy, run } = useRunAction<"move">();
  const shared = jobs.every((j) => j.projectId === jobs[0]?.projectId) ? (jobs[0]?.projectId ?? UNSORTED_ID) : "";

  async function move(target: string) {
    if (!target) return;
    const done = await run("move", () => moveToProjectAction(jobs.map((j) => j.id), target));
    if (!done.ok) return;
    const projectId = target === UNSORTED_ID ? null : target;
    for (const job of jobs) upsertJob(qc, { ...job, projectId });
    const name = projects.find((p) => p.id === target)?.name ?? "Unsorted";
    toast(done.value.moved === 1 ? `Moved to ${name}.` : `Moved ${done.value.moved} videos to ${name}.`, "success");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-neutral-400">
        {label}
      </label>
      <Select id={id} value={shared} aria-busy={busy === "move"} onChange={(e) => void move(e.target.value)} className="min-h-11">
        {shared === "" && <option value="">Mixed</option>}
        <ProjectOptions projects={projects} />
      </Select>
    </div>
  );
}
