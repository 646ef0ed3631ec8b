/**
 * Delimited text (.csv, .txt): encoding and delimiter detected, RFC 4180 quoting, rows numbered as Excel
 * numbers them when it opens the file.
 */
import iconv from 'iconv-lite';
import { AppError } from '../../domain/errors';
import type { SheetRow } from './xlsx-reader';

export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252. */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'UTF-16LE' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf16-be'), encoding: 'UTF-16BE' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'Windows-1252' };
  }
}

export const DELIMITERS = [',', ';', '|', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts a delimiter outside quotes on one physical line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the most sample lines into the same number of fields. Title lines with no
 * delimiter at all do not count against a candidate.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [n, f] of freq) {
      if (f > modeCount || (f === modeCount && n > mode)) {
        mode = n;
        modeCount = f;
      }
    }
    const score = modeCount * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export interface CsvSource {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** Bytes of text, for progress. */
  size: number;
  rows(onProgress?: (done: number) => void): AsyncGenerator<SheetRow[]>;
}

export function openCsv(buf: Buffer): CsvSource {
  const decoded = decodeText(buf);
  let text = decoded.text;
  let delimiter: Delimiter;
  let firstRow = 1;
  // Excel writes "sep=;" as the first line when asked to; it names the delimiter and is not data.
  const sep = text.match(/^sep=(.)\r?\n/i);
  if (sep && (DELIMITERS as readonly string[]).includes(sep[1])) {
    delimiter = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
    firstRow = 2;
  } else {
    delimiter = detectDelimiter(text);
  }
  return {
    encoding: decoded.encoding,
    delimiter,
    size: text.length,
    rows: (onProgress) => parseCsv(text, delimiter, firstRow, onProgress),
  };
}

const BATCH = 2000;

/** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
export async function* parseCsv(
  text: string,
  delimiter: string,
  firstRow = 1,
  onProgress?: (done: number) => void,
): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  let row = firstRow;
  let cells: string[] = [];
  let i = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  while (i <= n) {
    // One field.
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // Reading on would pour every later row into this one cell and lose those families.
          throw new AppError(
            'FILE_CORRUPT',
            `Tanda kutip (") yang dibuka pada baris ${row} tidak pernah ditutup, sehingga sisa berkas tidak dapat ` +
              'dibaca. Perbaiki sel tersebut (hapus tanda kutip atau tutup dengan ") lalu impor kembali.',
          );
        }
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter is kept, as Excel does.
      let k = j;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      value = out + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      value = text.slice(i, k);
      i = k;
    }
    cells.push(value);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === d) {
      i++;
      continue;
    }
    // End of record (line break or end of text).
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else i++;
    if (!(cells.length === 1 && cells[0] === '' && i > n)) batch.push({ row, cells });
    row++;
    cells = [];
    if (batch.length >= BATCH) {
      onProgress?.(Math.min(i, n));
      yield batch;
      batch = [];
    }
    if (i >= n) break;
  }
  if (batch.length > 0) yield batch;
  onProgress?.(n);
}
