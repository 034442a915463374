/** What a provider does with an image given by URL: fetch it. Fakes record the result so tests see the link really worked. */
export interface FetchedImage {
  url: string;
  status: number | null;
  contentType: string | null;
  bytes: number;
}

export async function fetchInputImage(url: string, timeoutMs = 5000): Promise<FetchedImage> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    const body = Buffer.from(await res.arrayBuffer());
    return { url, status: res.status, contentType: res.headers.get("content-type"), bytes: body.length };
  } catch {
    return { url, status: null, contentType: null, bytes: 0 };
  }
}

export const isImageFetched = (f: FetchedImage) => f.status !== null && f.status >= 200 && f.status < 300 && /^image\//.test(f.contentType ?? "") && f.bytes > 0;
