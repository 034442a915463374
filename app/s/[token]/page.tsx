import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { SharedVideo } from "@/components/share/shared-video";
import { shareMetadata } from "@/lib/share/share-metadata";
import { publicOrigin } from "@/lib/http/public-origin";
import { downloadName } from "@/lib/jobs/download-name";
import { promptStart } from "@/lib/jobs/format-job";
import { sharePosterPath, shareVideoPath } from "@/lib/share/share-url";
import { posterJpegSize } from "@/lib/share/share-poster";
import { loadSharedPage } from "@/lib/share/shared-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await loadSharedPage((await params).token);
  // The page itself answers 404; here only make sure nothing about a dead link is indexed.
  if (!shared) return { title: "Not found", robots: { index: false, follow: false } };
  return shareMetadata({
    origin: await publicOrigin(),
    token: shared.token,
    job: shared.job,
    modelLabel: shared.modelLabel,
    poster: await posterJpegSize(shared.job.posterKey),
  });
}

/** The public page of one shared video: anyone with the link may watch it, nobody else finds it. */
export default async function SharePage({ params }: Props) {
  const shared = await loadSharedPage((await params).token);
  if (!shared) notFound();
  const { job, token, modelLabel, allowDownload } = shared;
  const seconds = job.videoDurationSeconds ? Math.round(job.videoDurationSeconds * 10) / 10 : null;
  const title = promptStart(job.prompt, 80);
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-screen w-full max-w-4xl flex-col px-4 py-6 sm:py-10">
      <h1 className="mb-4 text-lg font-semibold tracking-tight break-words text-neutral-50 sm:text-xl">{title}</h1>
      <SharedVideo
        src={shareVideoPath(token)}
        poster={sharePosterPath(token)}
        width={job.videoWidth}
        height={job.videoHeight}
        className="max-h-[75vh] rounded-xl"
      />
      <section aria-label="About this video" className="mt-5 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-neutral-300">
            Made with <span className="font-medium text-neutral-100">{modelLabel}</span>
            {seconds !== null && ` · ${seconds} s`}
            {job.videoWidth && job.videoHeight && ` · ${job.videoWidth}×${job.videoHeight}`}
          </p>
          {/* Only when the owner allows it; the video route refuses `?download` otherwise. */}
          {allowDownload && (
            <a href={`${shareVideoPath(token)}?download`} download={downloadName(job.prompt, job.videoKey)} className={buttonClass({ variant: "secondary" })}>
              Download
            </a>
          )}
        </div>
        {title !== job.prompt.trim() && <p className="whitespace-pre-wrap break-words text-base leading-relaxed text-neutral-100">{job.prompt}</p>}
      </section>
      <footer className="mt-auto pt-10 text-sm text-neutral-300">
        Made with{" "}
        <Link href="/" className="font-medium text-violet-300 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-violet-400">
          Dailies
        </Link>
        , a self-hosted studio for AI video.
      </footer>
    </main>
  );
}
