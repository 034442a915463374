import "server-only";
import { Readable } from "node:stream";
import { crc32 } from "node:zlib";

/** One file in a zip: its name inside the archive and a way to open its bytes when its turn comes. */
export interface ZipEntry {
  name: string;
  open(): Promise<AsyncIterable<Buffer | Uint8Array> | null>;
}

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Bit 3: sizes and CRC follow the data (we stream, so we learn them last); bit 11: UTF-8 names. */
const FLAGS = 0x0808;
/** Zip's 32-bit sizes: a bigger archive would need Zip64, which the caller's cap keeps us clear of. */
export const MAX_ZIP_BYTES = 0xffff_fff0;

/** Today as MS-DOS time and date, the only clock a plain zip header has. */
function dosTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip archive of `entries`, stored (videos do not compress), written as it is read: one file is
 * open at a time and nothing is held in memory but the small directory. An entry that cannot be
 * opened (deleted meanwhile) is left out. Throws mid-stream past MAX_ZIP_BYTES.
 */
export function zipStream(entries: ZipEntry[]): Readable {
  async function* generate() {
    const { time, date } = dosTime();
    const central: Buffer[] = [];
    let offset = 0;
    let count = 0;
    for (const entry of entries) {
      const body = await entry.open();
      if (!body) continue;
      const name = Buffer.from(entry.name, "utf8");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(FLAGS, 6);
      local.writeUInt16LE(0, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt16LE(name.length, 26);
      yield local;
      yield name;
      const start = offset;
      offset += local.length + name.length;
      let crc = 0;
      let size = 0;
      for await (const chunk of body) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (offset + size > MAX_ZIP_BYTES) throw new Error("The zip would be larger than 4 GB; select fewer videos.");
        yield bytes;
      }
      offset += size;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(DESCRIPTOR, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
      yield descriptor;
      offset += descriptor.length;

      const record = Buffer.alloc(46);
      record.writeUInt32LE(CENTRAL, 0);
      // Made by Unix (3): unzip then reads names by the UTF-8 flag instead of as CP437.
      record.writeUInt16LE((3 << 8) | 20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(time, 12);
      record.writeUInt16LE(date, 14);
      record.writeUInt32LE(crc >>> 0, 16);
      record.writeUInt32LE(size, 20);
      record.writeUInt32LE(size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(start, 42);
      central.push(record, name);
      count++;
    }
    const directory = Buffer.concat(central);
    yield directory;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    yield end;
  }
  return Readable.from(generate(), { objectMode: false });
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
