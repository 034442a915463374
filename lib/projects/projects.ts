import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { deleteProject, findProjectByName, getOwnedProject, insertProject, moveJobsToProject, renameProject } from "../db/queries/projects";
import type { Project } from "../db/schema";
import { fail, ok, type Result } from "../errors";
import { UNSORTED_ID } from "../jobs/list-filters";

/** The default project every video is in until moved; it is not a row, so it cannot be renamed or deleted. */
export const UNSORTED = "Unsorted";
export const MAX_PROJECT_NAME = 60;
const MAX_MOVE = 500;

const nameSchema = z
  .string({ error: "Give the project a name." })
  .trim()
  .min(1, "Give the project a name.")
  .max(MAX_PROJECT_NAME, `A project name is at most ${MAX_PROJECT_NAME} characters.`)
  .refine((n) => n.toLowerCase() !== UNSORTED.toLowerCase(), `"${UNSORTED}" is the default project; pick another name.`);

function parseName(name: unknown): Result<string> {
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Give the project a name.";
    return fail("validation", message, { name: message });
  }
  return ok(parsed.data);
}

export async function createProject(db: Db, userId: string, name: unknown): Promise<Result<Project>> {
  const parsed = parseName(name);
  if (!parsed.ok) return parsed;
  if (await findProjectByName(db, userId, parsed.value))
    return fail("conflict", `You already have a project called "${parsed.value}".`, { name: "That name is taken." });
  return ok(await insertProject(db, { id: randomBytes(12).toString("base64url"), userId, name: parsed.value, createdAt: Date.now() }));
}

export async function renameOwnedProject(db: Db, userId: string, id: unknown, name: unknown): Promise<Result<null>> {
  const parsed = parseName(name);
  if (!parsed.ok) return parsed;
  if (typeof id !== "string" || !(await getOwnedProject(db, id, userId))) return fail("not_found", "That project no longer exists.");
  const taken = await findProjectByName(db, userId, parsed.value);
  if (taken && taken.id !== id) return fail("conflict", `You already have a project called "${parsed.value}".`, { name: "That name is taken." });
  await renameProject(db, id, userId, parsed.value);
  return ok(null);
}

export async function deleteOwnedProject(db: Db, userId: string, id: unknown): Promise<Result<null>> {
  if (typeof id !== "string" || !(await deleteProject(db, id, userId))) return fail("not_found", "That project no longer exists.");
  return ok(null);
}

/**
 * The project a form names, checked as the person's own: "unsorted" or nothing is Unsorted (null);
 * anyone else's project id is refused exactly like a missing one.
 */
export async function resolveProjectId(db: Db, userId: string, value: unknown): Promise<Result<string | null>> {
  if (value === undefined || value === null || value === "" || value === UNSORTED_ID) return ok(null);
  if (typeof value !== "string" || !(await getOwnedProject(db, value, userId)))
    return fail("validation", "That project no longer exists. Pick another.", { projectId: "Pick a project from the list." });
  return ok(value);
}

/** Moves the person's own videos into a project; ids of anyone else's are ignored. */
export async function moveToProject(db: Db, userId: string, jobIds: unknown, project: unknown): Promise<Result<{ moved: number }>> {
  const ids = z.array(z.string().max(64)).min(1).max(MAX_MOVE).safeParse(jobIds);
  if (!ids.success) return fail("validation", `Select 1 to ${MAX_MOVE} videos to move.`);
  const target = await resolveProjectId(db, userId, project);
  if (!target.ok) return target;
  return ok({ moved: await moveJobsToProject(db, userId, ids.data, target.value) });
}
