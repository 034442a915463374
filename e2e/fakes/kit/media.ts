/**
 * Output files a fake serves: a real small MP4 (made once with the app's ffmpeg), gone after
 * a TTL (404), or an HTML page pretending to be the video (the "saved an error page" case).
 */
import fs from "node:fs";
import type http from "node:http";
import { sampleVideo } from "../../fixtures/sample-video";
import { sendText } from "./http";

export interface ServedFile {
  kind: "video" | "html";
  /** Epoch ms after which it answers 404. */
  expiresAt: number;
}

export class MediaShelf {
  private files = new Map<string, ServedFile>();
  /** Downloads per path, so tests can assert "nothing was downloaded". */
  readonly downloads = new Map<string, number>();

  add(path: string, file: ServedFile): void {
    this.files.set(path, file);
  }

  /** Serves `path` if the shelf has it; returns false when it is not a media path. */
  async serve(path: string, res: http.ServerResponse, now = Date.now()): Promise<boolean> {
    const file = this.files.get(path);
    if (!file) return false;
    this.downloads.set(path, (this.downloads.get(path) ?? 0) + 1);
    if (now > file.expiresAt) {
      sendText(res, 404, "<Error><Code>NoSuchKey</Code></Error>", "application/xml");
      return true;
    }
    if (file.kind === "html") {
      sendText(res, 200, "<!doctype html><title>Access denied</title><h1>Please sign in</h1>");
      return true;
    }
    const mp4 = await sampleVideo();
    const size = fs.statSync(mp4).size;
    res.writeHead(200, { "content-type": "video/mp4", "content-length": size });
    fs.createReadStream(mp4).pipe(res);
    return true;
  }
}
