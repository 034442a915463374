/** Projects on a real database (both dialects): owner-scoped create, move, delete; nobody else sees or moves them. */
import { expect, it } from "vitest";
import { eachDialect } from "../../e2e/support/each-dialect";
import { insertUser, seedJob } from "../../e2e/support/test-db";
import { getJob, listJobs } from "../db/queries/jobs";
import { listProjects } from "../db/queries/projects";
import { createProject, deleteOwnedProject, moveToProject, renameOwnedProject, resolveProjectId } from "./projects";

eachDialect((tempDb) => {
  it("creates, renames and deletes a person's own projects; Unsorted and duplicates are refused", async () => {
    const db = await tempDb();
    const me = await insertUser(db);
    const made = await createProject(db, me.id, "  Trailer  ");
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.name).toBe("Trailer");
    expect((await createProject(db, me.id, "Trailer")).ok).toBe(false);
    expect((await createProject(db, me.id, "unsorted")).ok).toBe(false);
    expect((await createProject(db, me.id, "")).ok).toBe(false);
    expect((await renameOwnedProject(db, me.id, made.value.id, "Teaser")).ok).toBe(true);
    expect((await listProjects(db, me.id)).map((p) => p.name)).toEqual(["Teaser"]);
    const job = await seedJob(db, { userId: me.id, projectId: made.value.id });
    expect((await deleteOwnedProject(db, me.id, made.value.id)).ok).toBe(true);
    expect(await listProjects(db, me.id)).toEqual([]);
    expect((await getJob(db, job.id))?.projectId, "its videos go back to Unsorted").toBeNull();
  });

  it("moves only the mover's own videos, into only their own projects, and filters by project", async () => {
    const db = await tempDb();
    const me = await insertUser(db);
    const other = await insertUser(db);
    const mine = await createProject(db, me.id, "Mine");
    const theirs = await createProject(db, other.id, "Theirs");
    if (!mine.ok || !theirs.ok) throw new Error("setup");
    const a = await seedJob(db, { userId: me.id });
    const b = await seedJob(db, { userId: me.id });
    const foreign = await seedJob(db, { userId: other.id });

    const moved = await moveToProject(db, me.id, [a.id, foreign.id], mine.value.id);
    expect(moved).toEqual({ ok: true, value: { moved: 1 } });
    expect((await getJob(db, foreign.id))?.projectId).toBeNull();
    expect((await moveToProject(db, me.id, [b.id], theirs.value.id)).ok, "someone else's project is refused").toBe(false);
    expect((await resolveProjectId(db, me.id, theirs.value.id)).ok).toBe(false);
    expect((await renameOwnedProject(db, me.id, theirs.value.id, "Hijacked")).ok).toBe(false);
    expect((await deleteOwnedProject(db, me.id, theirs.value.id)).ok).toBe(false);

    const inMine = await listJobs(db, { userId: me.id, project: mine.value.id, limit: 10 });
    expect(inMine.items.map((j) => j.id)).toEqual([a.id]);
    const unsorted = await listJobs(db, { userId: me.id, project: null, limit: 10 });
    expect(unsorted.items.map((j) => j.id)).toEqual([b.id]);
    expect((await listJobs(db, { userId: other.id, project: mine.value.id, limit: 10 })).items).toEqual([]);
    expect((await listProjects(db, other.id)).map((p) => p.name)).toEqual(["Theirs"]);
  });
});
