import type { ProjectJson } from "@/lib/actions/projects";
import { UNSORTED_ID } from "@/lib/jobs/list-filters";

/** A project <Select>'s choices: Unsorted (where every video starts), then the person's projects. */
export function ProjectOptions({ projects }: { projects: ProjectJson[] }) {
  return (
    <>
      <option value={UNSORTED_ID}>Unsorted</option>
      {projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
