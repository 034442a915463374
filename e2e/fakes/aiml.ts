/**
 * A loopback fake of AI.ML's video tasks API (shared/providers/aiml.md, "Fake server"):
 * Bearer auth, `content[]` with inline `--flags` (parsed and validated so tests can assert on
 * them), tasks queued → running → succeeded on a clock, `videoUrl` as a URL-encoded backend
 * path, an authorised resolve to a presigned link that expires, and the unauthenticated
 * download (which, like S3, refuses a request that also carries an Authorization header).
 * Markers (see kit/markers): the common set, plus
 *   [fake:presign-expired] the first download link issued for the task has already expired (403)
 *   [fake:absolute-url]    `videoUrl` is an absolute URL instead of a path
 *   [fake:canceled]        the task is canceled server-side while running
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { newClockedJob, phaseOf, type ClockedJob, type FakeTimings } from "./kit/clock";
import { isRecord, sendJson, sendText, startHttpFake, type FakeRequest } from "./kit/http";
import { fetchInputImage, isImageFetched, type FetchedImage } from "./kit/input-image";
import { Counter, markersIn, type Markers } from "./kit/markers";
import { sampleVideo } from "../fixtures/sample-video";
import { MediaShelf } from "./kit/media";
import { parseAimlText, validateAimlFlags } from "./aiml-flags";

export interface AimlFakeOptions {
  timings?: FakeTimings;
  /** How long `[fake:slow]` keeps a job running (default the vocabulary's 60 s). */
  slowMs?: number;
  key?: string;
  /** How long a presigned link lives (default 60 s). */
  presignTtlMs?: number;
}

export interface AimlSubmission {
  uuid: string;
  body: unknown;
  model: string;
  /** The text item as sent, flags included. */
  text: string;
  /** The text with the trailing `--flags` taken off. */
  prompt: string;
  flags: Record<string, string>;
  imageUrl: string | null;
  /** What fetching `imageUrl` gave, once the fake has fetched it (after answering, as a queue would). */
  image: FetchedImage | null;
}

export interface AimlFake {
  /** Settings that point the adapter at this fake. */
  env: Record<string, string>;
  origin: string;
  key: string;
  /** Every create request the fake accepted. */
  submissions: AimlSubmission[];
  /** Every create request received, with the status it got. */
  attempts: Array<{ body: unknown; status: number }>;
  /** Every resolve call (backend path → presigned link) and when that link expires. */
  resolves: Array<{ uuid: string; expiresAt: number }>;
  /** Every request to a presigned link: whether it carried an Authorization header, and the answer. */
  presignedGets: Array<{ uuid: string; authorization: boolean; status: number }>;
  /** Video bytes served (for one task, or all). */
  downloads(uuid?: string): number;
  close(): Promise<void>;
}

interface Task {
  job: ClockedJob;
  markers: Markers;
  resolved: number;
  image: "none" | "pending" | "ok" | "failed";
}

const MODEL = "video-gen.pro-1.0";
const TASKS = "/v1/generation/tasks/video";

const err = (code: string, message: string) => ({ error: { code, message } });

export async function startAimlFake(opts: AimlFakeOptions = {}): Promise<AimlFake> {
  const timings = opts.timings ?? { queuedMs: 150, runningMs: 600 };
  const slowMs = opts.slowMs ?? 60_000;
  const key = opts.key ?? `aiml-${randomBytes(8).toString("hex")}`;
  const ttl = opts.presignTtlMs ?? 60_000;
  const secret = randomBytes(16);
  const tasks = new Map<string, Task>();
  const rateLimited = new Counter();
  const shelf = new MediaShelf();
  // Made before the first download, so a first copy never waits on ffmpeg.
  await sampleVideo();
  const objectPath = (uuid: string) => `/objects/${uuid}.mp4`;
  const sign = (uuid: string, exp: number) => createHmac("sha256", secret).update(`${uuid}:${exp}`).digest("hex");
  let origin = "";

  const fake: Omit<AimlFake, "env" | "origin" | "close"> = {
    key,
    submissions: [],
    attempts: [],
    resolves: [],
    presignedGets: [],
    downloads: (uuid) =>
      uuid ? (shelf.downloads.get(objectPath(uuid)) ?? 0) : [...shelf.downloads.values()].reduce((a, b) => a + b, 0),
  };

  const authorized = (req: FakeRequest) => req.headers.authorization === `Bearer ${key}`;

  async function create(req: FakeRequest, res: http.ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      fake.attempts.push({ body: req.json, status });
      sendJson(res, status, body, headers);
    };
    if (!authorized(req)) return answer(401, err("unauthorized", "Invalid or missing API key."));
    const body = isRecord(req.json) ? req.json : {};
    const content = Array.isArray(body.content) ? body.content.filter(isRecord) : [];
    const textItem = content.find((c) => c.type === "text" && typeof c.text === "string" && c.text.trim());
    if (!textItem) return answer(400, err("invalid_request", "Text content is required."));
    if (body.model !== MODEL) return answer(400, err("invalid_request", `Unknown model: ${String(body.model)}.`));
    const text = String(textItem.text);
    const markers = markersIn(text, "aiml");

    const limit = Number(markers.get("ratelimit") ?? 0);
    // [U] AI.ML documents no rate-limit answer; a 429 with Retry-After is assumed.
    if (limit > 0 && rateLimited.next(text) <= limit) return answer(429, err("rate_limit_exceeded", "Too many requests."), { "retry-after": "1" });
    // [U] No credit error is documented; a 402 with a credit code is assumed.
    if (markers.has("quota")) return answer(402, err("insufficient_credits", "Your organization does not have enough credits."));
    if (markers.has("invalid")) return answer(400, err("invalid_request", "Unsupported --duration: duration must be between 2 and 12 seconds."));
    const { prompt, flags } = parseAimlText(text);
    const flagProblem = validateAimlFlags(flags);
    if (flagProblem) return answer(400, err("invalid_request", flagProblem));

    const imageItem = content.find((c) => c.type === "image_url");
    const imageUrl = imageItem && isRecord(imageItem.image_url) && typeof imageItem.image_url.url === "string" ? imageItem.image_url.url : null;
    if (imageItem && !imageUrl) return answer(400, err("invalid_request", "image_url.url is required."));

    const uuid = randomUUID();
    const slow = markers.has("slow");
    const job = newClockedJob(uuid, slow ? { ...timings, runningMs: slowMs } : timings, markers.has("fail") || markers.has("safety") ? "failed" : "succeeded");
    if (markers.has("canceled")) job.canceledAt = job.createdAt + timings.queuedMs + timings.runningMs / 2;
    const task: Task = { job, markers, resolved: 0, image: imageUrl ? "pending" : "none" };
    tasks.set(uuid, task);
    shelf.add(objectPath(uuid), { kind: markers.has("html") ? "html" : "video", expiresAt: markers.has("expired") ? 0 : Number.MAX_SAFE_INTEGER });
    const sub: AimlSubmission = { uuid, body: req.json, model: MODEL, text, prompt, flags, imageUrl, image: null };
    fake.submissions.push(sub);
    // The task waits for its image; one that cannot be fetched fails the task.
    if (imageUrl) {
      void fetchInputImage(imageUrl).then((fetched) => {
        sub.image = fetched;
        task.image = isImageFetched(fetched) ? "ok" : "failed";
      });
    }
    answer(200, { data: { uuid, status: "queued" } });
  }

  const failureOf = (task: Task) => {
    if (task.image === "failed") return { code: "invalid_image", message: "The image at image_url could not be downloaded." };
    if (task.markers.has("safety")) return { code: "content_policy_violation", message: "The request was rejected by the content safety policy." };
    return { code: "generation_failed", message: "Video generation failed due to an internal error." };
  };
  const phase = (task: Task) => (task.image === "pending" ? "queued" : task.image === "failed" ? "failed" : phaseOf(task.job).phase);

  function status(uuid: string, res: http.ServerResponse): void {
    const task = tasks.get(uuid);
    if (!task) return sendJson(res, 404, err("not_found", "Task not found."));
    const phaseNow = phase(task);
    const data: Record<string, unknown> = { uuid, status: phaseNow };
    if (phaseNow === "succeeded") {
      const path = `/v1/media/videos/${encodeURIComponent(`orgs/1/videos/${uuid}.mp4`)}`;
      data.videoUrl = task.markers.has("absolute-url") ? `${origin}${path}` : path;
    }
    if (phaseNow === "failed") {
      // [U] The failed task's `error` fields are assumed to match the HTTP error object.
      data.error = failureOf(task);
    }
    sendJson(res, 200, { data });
  }

  function resolve(encoded: string, res: http.ServerResponse): void {
    const m = /^orgs\/1\/videos\/([\w-]+)\.mp4$/.exec(decodeURIComponent(encoded));
    const task = m ? tasks.get(m[1]!) : undefined;
    if (!m || !task || phase(task) !== "succeeded") return sendJson(res, 404, err("not_found", "Media not found."));
    const uuid = m[1]!;
    task.resolved += 1;
    const expiresAt = task.markers.has("presign-expired") && task.resolved === 1 ? Date.now() - 1 : Date.now() + ttl;
    fake.resolves.push({ uuid, expiresAt });
    sendJson(res, 200, { url: `${origin}/presigned/${uuid}.mp4?exp=${expiresAt}&sig=${sign(uuid, expiresAt)}` });
  }

  async function presigned(req: FakeRequest, uuid: string, res: http.ServerResponse): Promise<void> {
    const record = (status: number) => fake.presignedGets.push({ uuid, authorization: req.headers.authorization !== undefined, status });
    const xml = (status: number, code: string, message: string) => {
      record(status);
      sendText(res, status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`, "application/xml");
    };
    if (req.headers.authorization !== undefined) return xml(400, "InvalidArgument", "Only one auth mechanism allowed");
    const exp = Number(req.url.searchParams.get("exp"));
    const sig = Buffer.from(req.url.searchParams.get("sig") ?? "");
    const want = Buffer.from(sign(uuid, exp));
    if (sig.length !== want.length || !timingSafeEqual(sig, want)) return xml(403, "SignatureDoesNotMatch", "The request signature does not match");
    if (Date.now() > exp) return xml(403, "AccessDenied", "Request has expired");
    const served = await shelf.serve(objectPath(uuid), res);
    if (!served) return xml(404, "NoSuchKey", "The specified key does not exist.");
    record(res.statusCode);
  }

  const http_ = await startHttpFake(async (req, res) => {
    const path = req.url.pathname;
    const file = /^\/presigned\/([\w-]+)\.mp4$/.exec(path);
    if (req.method === "GET" && file) return presigned(req, file[1]!, res);
    if (req.method === "POST" && path === TASKS) return create(req, res);
    if (!authorized(req)) return sendJson(res, 401, err("unauthorized", "Invalid or missing API key."));
    const task = new RegExp(`^${TASKS}/([^/]+)$`).exec(path);
    if (req.method === "GET" && task) return status(decodeURIComponent(task[1]!), res);
    const media = /^\/v1\/media\/videos\/([^/]+)$/.exec(path);
    if (req.method === "GET" && media) return resolve(media[1]!, res);
    sendJson(res, 404, err("not_found", "Not found."));
  });
  origin = http_.origin;
  return { ...fake, origin, env: { AIML_API_KEY: key, AIML_BASE_URL: origin }, close: http_.close };
}
