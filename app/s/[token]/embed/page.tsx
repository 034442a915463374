import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedVideo } from "@/components/share/shared-video";
import { sharePosterPath, shareVideoPath } from "@/lib/share/share-url";
import { loadSharedPage } from "@/lib/share/shared-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Shared video", robots: { index: false, follow: false } };

/** The bare player that a Twitter/X player card frames. */
export default async function ShareEmbedPage({ params }: { params: Promise<{ token: string }> }) {
  const shared = await loadSharedPage((await params).token);
  if (!shared) notFound();
  return (
    <main id="main" className="flex h-screen w-screen items-center justify-center bg-black">
      <SharedVideo
        src={shareVideoPath(shared.token)}
        poster={sharePosterPath(shared.token)}
        width={shared.job.videoWidth}
        height={shared.job.videoHeight}
        className="h-full"
      />
    </main>
  );
}
