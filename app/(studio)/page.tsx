import { Composer } from "@/components/composer/composer";
import { composerInitial, lastFrameInitial, parseTakeUse, type RemixSource } from "@/components/composer/initial-values";
import { firstJobsPage } from "@/components/gallery/first-page";
import { JobFeed } from "@/components/gallery/job-feed";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { db } from "@/lib/db/client";
import { getOwnedJob } from "@/lib/db/queries/jobs";
import { listProjects } from "@/lib/db/queries/projects";
import { serializeJob } from "@/lib/jobs/serialize";
import { takeHref } from "@/lib/jobs/take-href";
import { llmConfig } from "@/lib/llm/enhance-prompt";
import { refreshProviderSettings } from "@/lib/provider-settings/cache";
import { feedModels, modelCatalog } from "@/lib/providers/catalog";
import { DEFAULT_MODEL_ID } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The remixed job, if the viewer owns it; anything else starts a fresh composer. */
async function remixSource(id: unknown, userId: string): Promise<RemixSource | undefined> {
  if (typeof id !== "string") return undefined;
  const job = await getOwnedJob(await db(), id, userId);
  return job && serializeJob(job);
}

/** A finished job of the viewer's whose last frame starts a new generation (`/?frame=<jobId>`). */
async function frameSource(id: unknown, userId: string) {
  if (typeof id !== "string") return undefined;
  const job = await getOwnedJob(await db(), id, userId);
  return job?.status === "succeeded" ? job : undefined;
}

/**
 * Studio home: the composer and recent jobs. `/?remix=<jobId>` fills the composer from that job;
 * `&use=prompt` or `&use=seed` takes only its prompt or its seed (see take-href); `/?frame=<jobId>`
 * starts from its last frame.
 */
export default async function StudioPage({ searchParams }: { searchParams: SearchParams }) {
  const { remix, frame, use: useParam } = await searchParams;
  const use = parseTakeUse(useParam);
  const back = typeof remix === "string" ? takeHref(remix, use) : typeof frame === "string" ? `/?frame=${encodeURIComponent(frame)}` : "/";
  const viewer = await requirePageViewer(back);
  // Keys saved or removed through another web server count at once, not at this process's next periodic check.
  await refreshProviderSettings(await db());
  const catalog = modelCatalog();
  const source = await remixSource(remix, viewer.userId);
  const fromFrame = source ? undefined : await frameSource(frame, viewer.userId);
  const fresh = composerInitial(catalog, DEFAULT_MODEL_ID, source, use);
  const initial = fromFrame ? lastFrameInitial(fresh, fromFrame) : fresh;
  const { initialPage, readAt } = await firstJobsPage(viewer.userId);
  const projects = (await listProjects(await db(), viewer.userId)).map(({ id, name }) => ({ id, name }));
  return (
    // The composer column is pinned on a desktop (it scrolls on its own, its Generate bar at its foot);
    // on a phone the page scrolls and the bar sits at the bottom of the screen, hence the padding.
    <main id="main" tabIndex={-1} className="mx-auto grid max-w-7xl gap-8 p-4 pb-28 lg:grid-cols-[minmax(0,34rem)_minmax(0,1fr)] lg:gap-10 lg:pt-0 lg:pb-8">
      <section
        aria-labelledby="composer-title"
        className="min-w-0 lg:sticky lg:top-14 lg:-mx-2 lg:max-h-[calc(100dvh-3.5rem)] lg:self-start lg:overflow-y-auto lg:px-2 lg:pt-4"
      >
        <h1 id="composer-title" className="mb-4 text-lg font-semibold tracking-tight">
          {source && use === "all" ? "Remix" : "New video"}
        </h1>
        {/* A remix gets a fresh composer, not the state of the last one. */}
        <Composer
          key={source ? `${source.id}:${use}` : fromFrame ? `frame-${fromFrame.id}` : "new"}
          catalog={catalog}
          initial={initial}
          canEnhance={llmConfig() !== null}
          projects={projects}
        />
      </section>
      <section aria-labelledby="recent-title" className="min-w-0 lg:pt-4">
        <h2 id="recent-title" className="mb-4 text-lg font-semibold tracking-tight">
          Recent videos
        </h2>
        <JobFeed initialPage={initialPage} readAt={readAt} models={feedModels()} />
      </section>
    </main>
  );
}
