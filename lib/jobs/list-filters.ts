/**
 * The gallery's filters in their three shapes: the page URL (shareable, back button), the JSON API
 * query the browser sends, and the options the server's list query takes. Pure, for both sides.
 */
import type { JobStatus } from "../db/schema";
import { ACTIVE_STATUSES } from "./states";

/** Gallery filters; every combination is its own cached list under ["jobs", filters]. */
export interface JobFilters {
  status?: "active" | "succeeded" | "failed" | "canceled";
  model?: string;
  favorite?: boolean;
  q?: string;
  /** A project id, or UNSORTED_ID for videos in no project. */
  project?: string;
  /** The order: newest first unless "oldest". Not a filter: it changes the order, not what is shown. */
  sort?: JobSort;
}

export const JOB_SORTS = ["newest", "oldest"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

/** The id that names the default project, Unsorted, in URLs and the API. */
export const UNSORTED_ID = "unsorted";

/** The longest prompt search the JSON API takes; a longer one from a page URL is cut to it. */
export const MAX_SEARCH_LENGTH = 500;
const MAX_MODEL_LENGTH = 200;

const STATUS_FILTERS = new Set(["active", "succeeded", "failed", "canceled"]);

type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParamsLike, name: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads filters from a page URL; anything unknown is ignored. Only set keys appear, so cache keys stay stable. */
export function parseJobFilters(params: SearchParamsLike): JobFilters {
  const f: JobFilters = {};
  const status = first(params, "status");
  if (status && STATUS_FILTERS.has(status)) f.status = status as JobFilters["status"];
  const model = first(params, "model")?.trim();
  if (model) f.model = model.slice(0, MAX_MODEL_LENGTH);
  const favorite = first(params, "favorite");
  if (favorite === "1" || favorite === "true") f.favorite = true;
  const q = first(params, "q")?.trim();
  if (q) f.q = q.slice(0, MAX_SEARCH_LENGTH);
  const project = first(params, "project")?.trim();
  if (project && project.length <= 64) f.project = project;
  // Only the non-default order is kept, so "newest" and no sort share one cached list.
  if (first(params, "sort") === "oldest") f.sort = "oldest";
  return f;
}

/** The page URL's query string for these filters ("" when none). */
export function filtersToSearch(f: JobFilters): string {
  const p = new URLSearchParams();
  if (f.status) p.set("status", f.status);
  if (f.model) p.set("model", f.model);
  if (f.favorite) p.set("favorite", "1");
  if (f.q) p.set("q", f.q);
  if (f.project) p.set("project", f.project);
  if (f.sort === "oldest") p.set("sort", "oldest");
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function hasFilters(f: JobFilters): boolean {
  return Boolean(f.status || f.model || f.favorite || f.q || f.project);
}

function statusList(f: JobFilters): JobStatus[] | undefined {
  if (!f.status) return undefined;
  return f.status === "active" ? [...ACTIVE_STATUSES] : [f.status];
}

/** The GET /api/jobs query for one page of this list. */
export function filtersToApiParams(f: JobFilters, page: { cursor?: string | null; limit: number }): URLSearchParams {
  const p = new URLSearchParams();
  const status = statusList(f);
  if (status) p.set("status", status.join(","));
  if (f.model) p.set("model", f.model);
  if (f.favorite) p.set("favorite", "true");
  if (f.q) p.set("q", f.q);
  if (f.project) p.set("project", f.project);
  if (f.sort === "oldest") p.set("sort", "oldest");
  if (page.cursor) p.set("cursor", page.cursor);
  p.set("limit", String(page.limit));
  return p;
}

/** The server-side list options for the same filters (see listJobs). */
export function filtersToListOptions(f: JobFilters): {
  status?: JobStatus[];
  model?: string;
  favorite?: boolean;
  search?: string;
  project?: string | null;
  sort?: JobSort;
} {
  const project = f.project === undefined ? undefined : f.project === UNSORTED_ID ? null : f.project;
  return { status: statusList(f), model: f.model, favorite: f.favorite, search: f.q, project, ...(f.sort ? { sort: f.sort } : {}) };
}
