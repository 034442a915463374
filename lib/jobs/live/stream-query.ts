/** The query of GET /api/jobs/events, shared by the route and the OpenAPI document. */
import { z } from "zod";

const SINCE_ERROR = "since must be a time in epoch milliseconds.";

export const streamQuery = z.object({
  /** For a client that opens a new EventSource (which cannot set headers) and resumes. */
  lastEventId: z.string().max(200).optional(),
  /** For a fresh client: the newest change it already holds (epoch ms), so nothing after it is missed. */
  since: z.coerce.number({ error: SINCE_ERROR }).int(SINCE_ERROR).nonnegative(SINCE_ERROR).optional(),
});
