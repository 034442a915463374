import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/queries/jobs";
import { isValidInputLink } from "@/lib/jobs/input-url";
import { storage } from "@/lib/storage";
import { contentTypeFor } from "@/lib/storage/keys";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ jobId: string; expiry: string; sig: string }> };

/** Only while the provider may still be fetching it: before and during its work, never after. */
const SERVING = new Set(["queued", "submitted", "running"]);

// Who is asking is the signature: the link is a capability we handed to the job's provider.
// Every refusal is the same bare 404, so the path tells nothing about which part was wrong.
const notFound = () => new Response("Not found", { status: 404, headers: { "x-robots-tag": "noindex", "cache-control": "no-store" } });

async function answer(params: Params["params"], withBody: boolean): Promise<Response> {
  const { jobId, expiry, sig } = await params;
  if (!isValidInputLink(jobId, expiry, sig)) return notFound();
  const job = await getJob(await db(), jobId);
  if (!job?.inputImageKey || !SERVING.has(job.status)) return notFound();
  const bytes = await storage().read(job.inputImageKey);
  if (!bytes) return notFound();
  return new Response(withBody ? new Uint8Array(bytes) : null, {
    headers: {
      "content-type": contentTypeFor(job.inputImageKey),
      "content-length": String(bytes.length),
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}

/** The job's stored, re-encoded input image, for the provider that was given this signed link. */
export function GET(_req: Request, { params }: Params): Promise<Response> {
  return answer(params, true);
}

export function HEAD(_req: Request, { params }: Params): Promise<Response> {
  return answer(params, false);
}
