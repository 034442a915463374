"use client";
import type { ProjectJson } from "@/lib/actions/projects";
import { UNSORTED_ID } from "@/lib/jobs/list-filters";
import { ChipSelect } from "./chip-select";

/** Where new takes go: a project of the person's own, or Unsorted. Sent as `projectId`; the server checks the project is theirs. */
export function ProjectChip({
  projects,
  value,
  onChange,
  error,
}: {
  projects: ProjectJson[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  if (projects.length === 0) return null;
  return (
    <ChipSelect
      id="projectId"
      label="Project"
      value={value}
      options={[{ value: UNSORTED_ID, label: "Unsorted" }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
      onChange={onChange}
      error={error}
    />
  );
}
