/**
 * Just enough of the zip format to read an .xlsx held in memory: the central directory, and each entry
 * inflated as a stream (so a 60 MB sheet never sits in memory as one string) with its CRC checked.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export class ZipError extends Error {
  constructor(
    readonly reason: 'truncated' | 'corrupt' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** Reads the central directory; a file cut short (no end record) or with a broken directory is refused. */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  if (buf.length < 22) throw new ZipError('truncated', 'zip terlalu pendek');
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipError('truncated', 'akhir direktori zip tidak ditemukan');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20) {
    if (buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const z64 = Number(buf.readBigUInt64LE(eocd - 12));
      if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD) throw new ZipError('corrupt', 'zip64 rusak');
      count = Number(buf.readBigUInt64LE(z64 + 32));
      cdSize = Number(buf.readBigUInt64LE(z64 + 40));
      cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
    }
  }
  if (cdOffset + cdSize > buf.length) throw new ZipError('truncated', 'direktori zip terpotong');
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipError('corrupt', 'entri direktori zip rusak');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    // Zip64 sizes live in an extra field when the 32-bit fields are saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const length = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.set(name.replace(/\\/g, '/').replace(/^\//, ''), {
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
    });
    p = extraEnd + commentLength;
  }
  return entries;
}

function compressedData(buf: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 0x1) throw new ZipError('encrypted', 'entri zip terenkripsi');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError('unsupported', `metode kompresi ${entry.method}`);
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipError('corrupt', 'header lokal zip rusak');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError('truncated', 'data zip terpotong');
  return buf.subarray(start, end);
}

const crc32: ((data: Buffer, value?: number) => number) | undefined = (
  zlib as { crc32?: (d: Buffer, v?: number) => number }
).crc32;

function checkCrc(entry: ZipEntry, crc: number | null, size: number) {
  if (size !== entry.size) throw new ZipError('corrupt', `ukuran ${entry.name} tidak cocok`);
  if (crc !== null && crc >>> 0 !== entry.crc >>> 0) throw new ZipError('corrupt', `CRC ${entry.name} tidak cocok`);
}

/** A small entry (workbook, relationships, styles, shared strings) inflated at once. */
export function readEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const data = compressedData(buf, entry);
  let out: Buffer;
  try {
    out = entry.method === 0 ? data : zlib.inflateRawSync(data);
  } catch {
    throw new ZipError('corrupt', `data ${entry.name} rusak`);
  }
  checkCrc(entry, crc32 ? crc32(out) : null, out.length);
  return out;
}

/** A big entry (a worksheet) inflated chunk by chunk; the CRC is checked when the last chunk has been read. */
export async function* streamEntry(buf: Buffer, entry: ZipEntry, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  const data = compressedData(buf, entry);
  let crc = crc32 ? 0 : null;
  let size = 0;
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += chunkSize) {
      const chunk = data.subarray(i, i + chunkSize);
      if (crc !== null && crc32) crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
    checkCrc(entry, crc, size);
    return;
  }
  const inflate = zlib.createInflateRaw({ chunkSize });
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    })(),
  );
  source.pipe(inflate);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      if (crc !== null && crc32) crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('corrupt', `data ${entry.name} rusak`);
  } finally {
    source.destroy();
    inflate.destroy();
  }
  checkCrc(entry, crc, size);
}
