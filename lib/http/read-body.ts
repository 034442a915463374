/**
 * Reads a web stream into memory, never more than `maxBytes`: past that it stops reading and
 * returns null, or with `truncate` the first `maxBytes` (enough to show an error body).
 */
export async function readCappedStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  opts: { truncate?: boolean } = {},
): Promise<Buffer | null> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return opts.truncate ? Buffer.concat(chunks).subarray(0, maxBytes) : null;
    }
  }
  return Buffer.concat(chunks, total);
}

/** A request body, or null when it is (or declares itself) larger than `maxBytes`. */
export async function readCappedBody(req: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return null;
  return readCappedStream(req.body, maxBytes);
}
