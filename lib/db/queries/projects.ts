/** A person's projects (boards) and which of their jobs sit in each. Every query is scoped to the owner. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { transaction, type Db } from "../client";
import type { Project } from "../schema";

export async function listProjects(db: Db, userId: string): Promise<Project[]> {
  const { projects } = db.t;
  return db.orm.select().from(projects).where(eq(projects.userId, userId)).orderBy(asc(projects.name));
}

/** The project only if this user owns it. */
export async function getOwnedProject(db: Db, id: string, userId: string): Promise<Project | undefined> {
  if (id.length > 64) return undefined;
  const { projects } = db.t;
  const [row] = await db.orm
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .limit(1);
  return row;
}

export async function findProjectByName(db: Db, userId: string, name: string): Promise<Project | undefined> {
  const { projects } = db.t;
  const [row] = await db.orm
    .select()
    .from(projects)
    .where(and(eq(projects.userId, userId), eq(projects.name, name)))
    .limit(1);
  return row;
}

export async function insertProject(db: Db, project: Project): Promise<Project> {
  const [row] = await db.orm.insert(db.t.projects).values(project).returning();
  return row!;
}

export async function renameProject(db: Db, id: string, userId: string, name: string): Promise<boolean> {
  const { projects } = db.t;
  const rows = await db.orm
    .update(projects)
    .set({ name })
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .returning({ id: projects.id });
  return rows.length > 0;
}

/** Deletes the project; its videos go back to Unsorted, in the same transaction. */
export async function deleteProject(db: Db, id: string, userId: string): Promise<boolean> {
  return transaction(db, async (tx) => {
    const { projects, jobs } = tx.t;
    await tx.orm
      .update(jobs)
      .set({ projectId: null })
      .where(and(eq(jobs.userId, userId), eq(jobs.projectId, id)));
    const rows = await tx.orm
      .delete(projects)
      .where(and(eq(projects.id, id), eq(projects.userId, userId)))
      .returning({ id: projects.id });
    return rows.length > 0;
  });
}

/** Moves this user's jobs among `jobIds` into a project (null: Unsorted); others' ids are ignored. Returns how many moved. */
export async function moveJobsToProject(db: Db, userId: string, jobIds: string[], projectId: string | null): Promise<number> {
  if (jobIds.length === 0) return 0;
  const { jobs } = db.t;
  const rows = await db.orm
    .update(jobs)
    .set({ projectId, updatedAt: Date.now() })
    .where(and(eq(jobs.userId, userId), inArray(jobs.id, jobIds)))
    .returning({ id: jobs.id });
  return rows.length;
}
