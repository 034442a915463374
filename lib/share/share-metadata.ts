import type { Metadata } from "next";
import type { Job } from "../db/schema";
import { promptStart } from "../jobs/format-job";
import { shareEmbedPath, sharePath, sharePosterPath, shareVideoPath } from "./share-url";

/**
 * OpenGraph and Twitter tags for a shared video, with absolute URLs so a pasted link
 * previews with its poster and, where the app supports it, plays inline.
 */
export function shareMetadata(opts: {
  origin: string;
  token: string;
  job: Pick<Job, "prompt" | "videoWidth" | "videoHeight" | "videoDurationSeconds">;
  modelLabel: string;
  poster: { width: number; height: number } | null;
}): Metadata {
  const { origin, token, job, modelLabel, poster } = opts;
  const https = origin.startsWith("https://");
  const pageUrl = origin + sharePath(token);
  const videoUrl = origin + shareVideoPath(token);
  const posterUrl = origin + sharePosterPath(token);
  const title = promptStart(job.prompt, 70);
  const seconds = job.videoDurationSeconds ? `${Math.round(job.videoDurationSeconds * 10) / 10} s` : null;
  const description = [`A ${seconds ? seconds + " " : ""}video made with Dailies (${modelLabel}).`, promptStart(job.prompt, 200)].join(" ");
  const width = job.videoWidth ?? undefined;
  const height = job.videoHeight ?? undefined;
  const image = { url: posterUrl, ...(https ? { secureUrl: posterUrl } : {}), type: "image/jpeg", width: poster?.width, height: poster?.height, alt: title };

  return {
    title,
    description,
    robots: { index: false, follow: false },
    alternates: { canonical: pageUrl },
    openGraph: {
      type: "video.other",
      siteName: "Dailies",
      url: pageUrl,
      title,
      description,
      images: [image],
      videos: [{ url: videoUrl, ...(https ? { secureUrl: videoUrl } : {}), type: "video/mp4", width, height }],
    },
    // X only plays a player card from an https page it can frame; elsewhere the large poster is the best preview.
    twitter:
      https && width && height
        ? {
            card: "player",
            title,
            description,
            images: [posterUrl],
            players: [{ playerUrl: origin + shareEmbedPath(token), streamUrl: videoUrl, width, height }],
          }
        : { card: "summary_large_image", title, description, images: [posterUrl] },
  };
}
