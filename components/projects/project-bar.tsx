"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useRunAction } from "@/components/ui/use-run-action";
import { createProjectAction, deleteProjectAction, renameProjectAction, type ProjectJson } from "@/lib/actions/projects";
import type { JobFilters } from "@/lib/jobs/list-filters";
import { ProjectOptions } from "./project-options";

/**
 * Projects (boards) above the gallery: filter by one (Unsorted is the default every video starts
 * in), make a new one, rename or delete the one shown. The URL holds the filter, like the others.
 */
export function ProjectBar({
  projects,
  filters,
  onChange,
}: {
  projects: ProjectJson[];
  filters: JobFilters;
  onChange: (next: JobFilters) => void;
}) {
  const router = useRouter();
  const { busy, run } = useRunAction<"create" | "rename" | "delete">();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const current = projects.find((p) => p.id === filters.project);

  async function create(e: FormEvent) {
    e.preventDefault();
    const made = await run("create", () => createProjectAction(name), { toastFailure: false });
    if (!made.ok) return setError(made.error);
    setError(null);
    setName("");
    router.refresh();
  }

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (!current || renaming === null) return;
    const done = await run("rename", () => renameProjectAction(current.id, renaming), { toastFailure: false });
    if (!done.ok) return setError(done.error);
    setError(null);
    setRenaming(null);
    router.refresh();
  }

  async function remove() {
    if (!current) return;
    const done = await run("delete", () => deleteProjectAction(current.id));
    setConfirming(false);
    if (done.ok) onChange({ ...filters, project: undefined });
  }

  return (
    <div aria-label="Projects" role="group" className="flex flex-wrap items-end gap-3">
      <Field id="filter-project" label="Project">
        <Select id="filter-project" value={filters.project ?? ""} onChange={(e) => onChange({ ...filters, project: e.target.value || undefined })} className="sm:max-w-56">
          <option value="">All projects</option>
          <ProjectOptions projects={projects} />
        </Select>
      </Field>
      {current && renaming === null && (
        <>
          <Button variant="secondary" className="min-h-11" onClick={() => setRenaming(current.name)}>
            Rename
          </Button>
          <Button variant="secondary" className="min-h-11" onClick={() => setConfirming(true)}>
            Delete project
          </Button>
        </>
      )}
      {current && renaming !== null && (
        <form onSubmit={rename} className="flex items-end gap-2">
          <Field id="rename-project" label="New name">
            <Input id="rename-project" value={renaming} maxLength={60} onChange={(e) => setRenaming(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" className="min-h-11" busy={busy === "rename"}>
            Save name
          </Button>
          <Button variant="ghost" className="min-h-11" onClick={() => setRenaming(null)}>
            Cancel
          </Button>
        </form>
      )}
      <form onSubmit={create} className="flex items-end gap-2">
        <Field id="new-project" label="New project" error={error ?? undefined}>
          <Input id="new-project" value={name} maxLength={60} placeholder="Trailer, moodboard…" onChange={(e) => setName(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary" className="min-h-11" busy={busy === "create"}>
          Create project
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={`Delete the project “${current?.name ?? ""}”?`}
        confirmLabel="Delete project"
        danger
        busy={busy === "delete"}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        Its videos are kept and go back to Unsorted.
      </ConfirmDialog>
    </div>
  );
}
