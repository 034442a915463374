"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "../auth/viewer";
import { db } from "../db/client";
import { createProject, deleteOwnedProject, moveToProject, renameOwnedProject } from "../projects/projects";
import { actionFail, fromAppError, SIGNED_OUT, type ActionResult } from "./result";

export interface ProjectJson {
  id: string;
  name: string;
}

export async function createProjectAction(name: string): Promise<ActionResult<ProjectJson>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const made = await createProject(await db(), viewer.userId, name);
  if (!made.ok) return fromAppError(made.error);
  revalidatePath("/gallery");
  return { ok: true, value: { id: made.value.id, name: made.value.name } };
}

export async function renameProjectAction(id: string, name: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const done = await renameOwnedProject(await db(), viewer.userId, id, name);
  if (!done.ok) return fromAppError(done.error);
  revalidatePath("/gallery");
  return { ok: true, value: null };
}

export async function deleteProjectAction(id: string): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const done = await deleteOwnedProject(await db(), viewer.userId, id);
  if (!done.ok) return fromAppError(done.error);
  revalidatePath("/gallery");
  return { ok: true, value: null };
}

/** Moves the viewer's selected videos into a project ("unsorted" for the default). */
export async function moveToProjectAction(jobIds: string[], projectId: string): Promise<ActionResult<{ moved: number }>> {
  const viewer = await currentViewer();
  if (!viewer) return actionFail(SIGNED_OUT);
  const moved = await moveToProject(await db(), viewer.userId, jobIds, projectId);
  if (!moved.ok) return fromAppError(moved.error);
  revalidatePath("/gallery");
  return { ok: true, value: moved.value };
}
