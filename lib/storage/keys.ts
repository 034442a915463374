/** Storage keys are made here and only here, from server-generated ids. */

const KEY = /^(videos|posters|uploads|renders)\/[A-Za-z0-9_-]{8,64}\.(mp4|webm|webp|png|jpg)$/;

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

export const keys = {
  video: (jobId: string, ext: "mp4" | "webm" = "mp4") => `videos/${jobId}.${ext}`,
  poster: (jobId: string) => `posters/${jobId}.webp`,
  upload: (id: string, ext: "png" | "jpg" | "webp") => `uploads/${id}.${ext}`,
  /** A local-preview render's finished file, until the job that made it has saved its own copy. */
  render: (renderId: string) => `renders/${renderId}.mp4`,
  /** A local-preview render's input image, so whichever worker starts the render again can read it. */
  renderInput: (renderId: string, ext: "png" | "jpg" | "webp") => `renders/${renderId}-input.${ext}`,
};

const TYPES: Record<string, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
};

export function contentTypeFor(key: string): string {
  return TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

/** The job a stored file belongs to (every key but a render's is named by its job's id), or null for a malformed key. */
export function jobIdOfKey(key: string): string | null {
  // A render's file belongs to no job yet, so nobody is ever served it.
  if (!isValidKey(key) || key.startsWith("renders/")) return null;
  return key.slice(key.indexOf("/") + 1, key.lastIndexOf("."));
}
