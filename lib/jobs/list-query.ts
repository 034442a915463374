/** The query of GET /api/jobs, parsed by the route and described by the OpenAPI document. */
import { z } from "zod";
import { isValidCursor } from "../db/queries/jobs";
import { JOB_STATUSES } from "../db/schema";
import { JOB_SORTS, MAX_SEARCH_LENGTH } from "./list-filters";

const list = (s: string) => s.split(",").filter(Boolean);

export const listQuery = z.object({
  cursor: z.string().max(200).refine(isValidCursor, "The cursor is not valid.").optional(),
  status: z
    .string()
    .transform(list)
    .pipe(z.array(z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}.` })))
    .optional(),
  model: z.string().max(200).optional(),
  /** A project id of the asker's, or "unsorted"; someone else's id simply matches none of the asker's jobs. */
  project: z.string().max(64).optional(),
  favorite: z.enum(["true", "false"], { error: "favorite must be true or false." }).optional(),
  q: z.string().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`).optional(),
  changedSince: z.coerce.number().int().nonnegative({ error: "changedSince must be a time in epoch milliseconds." }).optional(),
  ids: z.string().transform(list).pipe(z.array(z.string().max(64)).max(100, "Ask for at most 100 ids.")).optional(),
  sort: z.enum(JOB_SORTS, { error: `sort must be one of ${JOB_SORTS.join(", ")}.` }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

