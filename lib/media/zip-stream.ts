/**
 * The one streaming ZIP writer (the selection download and the personal export both use it):
 * stored entries (no compression: videos do not shrink), each file's CRC-32 computed as it streams
 * and written after it in a data descriptor, so nothing is buffered but the small directory. ZIP64
 * records are added only when an offset or size passes 4 GiB, which keeps small archives readable
 * by the oldest unzippers.
 */
import "server-only";
import zlib from "node:zlib";

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
}

/** zlib.crc32 arrived in Node 20.15; older 20.x computes it here. */
const crc32: (data: Uint8Array, value?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32 : tableCrc32;

let TABLE: Uint32Array | null = null;
function tableCrc32(data: Uint8Array, value = 0): number {
  if (!TABLE) {
    TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c >>> 0;
    }
  }
  let c = (value ^ MAX32) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ MAX32) >>> 0;
}

function dos(date: Date): { dosTime: number; dosDate: number } {
  const y = Math.max(1980, date.getFullYear());
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    dosDate: ((y - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export interface ZipWriterOptions {
  /** Past this, ZIP64 records are used (4 GiB - 1 in real archives; tests lower it). */
  zip64Above?: number;
}

export interface ZipEntry {
  /** Uses "/" between folders; written as UTF-8. */
  name: string;
  body: AsyncIterable<Uint8Array> | Uint8Array;
  modified?: Date;
}

/** A file whose bytes are opened only when its turn comes; null when it is gone (deleted meanwhile). */
export interface LazyZipEntry {
  name: string;
  modified?: Date;
  open(): Promise<AsyncIterable<Uint8Array> | null>;
}

/** The entries opened one at a time, as the archive reaches them, leaving out those that are gone. */
export async function* openInTurn(entries: Iterable<LazyZipEntry>): AsyncGenerator<ZipEntry> {
  for (const { name, modified, open } of entries) {
    const body = await open();
    if (body) yield { name, body, modified };
  }
}

/** Distinct names for the archive: a second "a-fox.mp4" becomes "a-fox-2.mp4". */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    const dot = name.lastIndexOf(".");
    return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
  });
}

/** The archive's bytes as they are made, pulled: a slow reader slows the reading of the files. */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, opts: ZipWriterOptions = {}): AsyncGenerator<Uint8Array> {
  const zip = new ZipWriter(opts);
  for await (const e of entries) yield* zip.add(e.name, e.body, e.modified);
  yield* zip.finish();
}

/** Yields the archive's bytes; `add` each entry in turn, then `finish`. */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly limit: number;

  constructor(opts: ZipWriterOptions = {}) {
    this.limit = opts.zip64Above ?? MAX32;
  }

  private emit(chunk: Uint8Array): Uint8Array {
    this.offset += chunk.length;
    return chunk;
  }

  /** One file, its bytes streamed from `body`. Names use "/" and are written as UTF-8. */
  async *add(name: string, body: AsyncIterable<Uint8Array> | Uint8Array, modified = new Date()): AsyncGenerator<Uint8Array> {
    const nameBytes = Buffer.from(name, "utf8");
    if (nameBytes.length > MAX16) throw new Error("zip entry name too long");
    const { dosTime, dosDate } = dos(modified);
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(45, 4); // version needed: 4.5 (ZIP64-capable readers; stored entries need nothing more)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes and CRC follow in a data descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    // CRC and sizes stay 0 here: they are in the data descriptor
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    yield this.emit(header);
    yield this.emit(nameBytes);

    let crc = 0;
    let size = 0;
    const chunks = body instanceof Uint8Array ? [body] : body;
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield this.emit(chunk);
    }
    // As Go's archive/zip does: a 64-bit descriptor only for an entry past 4 GiB itself.
    const big = size > this.limit;
    const descriptor = Buffer.alloc(big ? 24 : 16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    if (big) {
      descriptor.writeBigUInt64LE(BigInt(size), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    yield this.emit(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, size, offset, dosTime, dosDate });
  }

  /** The central directory and end records. */
  *finish(): Generator<Uint8Array> {
    const start = this.offset;
    for (const e of this.entries) {
      const needs64 = e.size > this.limit || e.offset > this.limit;
      const extra = needs64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
      if (needs64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(24, 2);
        extra.writeBigUInt64LE(BigInt(e.size), 4);
        extra.writeBigUInt64LE(BigInt(e.size), 12);
        extra.writeBigUInt64LE(BigInt(e.offset), 20);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
      h.writeUInt16LE(45, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(e.dosTime, 12);
      h.writeUInt16LE(e.dosDate, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(needs64 ? MAX32 : e.size, 20);
      h.writeUInt32LE(needs64 ? MAX32 : e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt16LE(0, 32); // comment
      h.writeUInt16LE(0, 34); // disk
      h.writeUInt16LE(0, 36); // internal attributes
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: a regular file, rw-r--r--
      h.writeUInt32LE(needs64 ? MAX32 : e.offset, 42);
      yield this.emit(h);
      yield this.emit(e.name);
      if (extra.length) yield this.emit(extra);
    }
    const size = this.offset - start;
    const count = this.entries.length;
    const need64 = start > this.limit || size > this.limit || count > MAX16 - 1 || this.entries.some((e) => e.size > this.limit || e.offset > this.limit);
    if (need64) {
      const end64At = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(0x06064b50, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE((3 << 8) | 45, 12);
      r.writeUInt16LE(45, 14);
      r.writeUInt32LE(0, 16);
      r.writeUInt32LE(0, 20);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(size), 40);
      r.writeBigUInt64LE(BigInt(start), 48);
      yield this.emit(r);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(end64At), 8);
      loc.writeUInt32LE(1, 16);
      yield this.emit(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(need64 ? MAX16 : count, 8);
    end.writeUInt16LE(need64 ? MAX16 : count, 10);
    end.writeUInt32LE(need64 ? MAX32 : size, 12);
    end.writeUInt32LE(need64 ? MAX32 : start, 16);
    yield this.emit(end);
  }
}
