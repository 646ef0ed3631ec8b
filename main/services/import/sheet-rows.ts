/**
 * The rows of one worksheet's XML, read in inflated chunks: cell elements scanned with indexOf (this loop sees
 * every cell of the sheet), values decoded as xlsx.ts's reader promises them (shared and inline strings,
 * numbers, booleans, errors, formula results, dates).
 */
import { StringDecoder } from 'node:string_decoder';
import { excelSerialToIso, type RawCell } from '../../domain/normalize';
import { streamEntry, type ZipEntry } from './zip';

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: RawCell[];
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes control characters in strings as _xHHHH_. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named];
      const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  if (out.includes('_x'))
    out = out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

/** Column letters of a cell reference -> 0-based index ("B7" -> 1). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The text of a shared or inline string: every <t>, leaving out phonetic guides (<rPh>). */
const stringPatterns = new Map<string, { phonetic: RegExp; text: RegExp; simple: string }>();

export function stringItemText(xml: string, p: string): string {
  let patterns = stringPatterns.get(p);
  if (!patterns) {
    patterns = {
      phonetic: new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'),
      text: new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'),
      simple: `<${p}t>`,
    };
    stringPatterns.set(p, patterns);
  }
  // Most items are one plain <t>text</t>.
  const close = `</${p}t>`;
  if (xml.startsWith(patterns.simple) && xml.endsWith(close) && xml.indexOf('<', 1) === xml.length - close.length) {
    return decodeXmlText(xml.slice(patterns.simple.length, xml.length - close.length));
  }
  const body = xml.includes('rPh') ? xml.replace(patterns.phonetic, '') : xml;
  let out = '';
  const re = patterns.text;
  re.lastIndex = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXmlText(out);
}

/** The value of one attribute in a start tag's attribute text (double or single quotes). */
function attr(attrs: string, name: string): string | undefined {
  let i = attrs.indexOf(` ${name}=`);
  if (i < 0) {
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
    return m ? m[1] : undefined;
  }
  i += name.length + 2;
  const quote = attrs[i];
  const end = attrs.indexOf(quote, i + 1);
  return end < 0 ? undefined : attrs.slice(i + 1, end);
}

/** A date-styled number cell as a UTC date; a serial that is no real date stays a number for the checker to report. */
function excelDate(serial: number, date1904: boolean): Date | number {
  const iso = excelSerialToIso(serial, date1904);
  return iso ? new Date(`${iso}T00:00:00Z`) : serial;
}

/** Where an element named tag starts at or after from (the name must end there), or -1. */
function findTag(text: string, tag: string, from: number): number {
  for (let i = text.indexOf(tag, from); i >= 0; i = text.indexOf(tag, i + 1)) {
    const after = text.charCodeAt(i + tag.length);
    if (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13) return i;
  }
  return -1;
}

/** The element names of a sheet under its namespace prefix (p), and the parsing of its rows and cells. */
class SheetXml {
  readonly rowOpen: string;
  readonly rowEnd: string;
  readonly sheetDataEnd: string;
  private readonly cellOpen: string;
  private readonly cellEnd: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly valueRe: RegExp;
  private readonly inlineRe: RegExp;
  private lastRow = 0;

  constructor(
    private readonly p: string,
    private readonly shared: string[],
    private readonly dateStyleSet: Set<number>,
    private readonly date1904: boolean,
  ) {
    this.rowOpen = `<${p}row`;
    this.rowEnd = `</${p}row>`;
    this.sheetDataEnd = `</${p}sheetData>`;
    this.cellOpen = `<${p}c`;
    this.cellEnd = `</${p}c>`;
    this.vOpen = `<${p}v>`;
    this.vClose = `</${p}v>`;
    this.valueRe = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`);
    this.inlineRe = new RegExp(`<${p}is\\b[^>]*>([\\s\\S]*?)</${p}is>`);
  }

  /** The value of one cell from its attributes and content. */
  private cellValue(attrs: string, inner: string): RawCell | undefined {
    const type = attr(attrs, 't') ?? 'n';
    if (type === 'inlineStr') {
      const is = this.inlineRe.exec(inner);
      return is ? stringItemText(is[1], this.p) : '';
    }
    let raw: string;
    if (inner.startsWith(this.vOpen)) {
      const end = inner.indexOf(this.vClose, this.vOpen.length);
      if (end < 0) return undefined;
      raw = inner.slice(this.vOpen.length, end);
    } else {
      const v = this.valueRe.exec(inner);
      if (!v) return undefined;
      raw = v[1];
    }
    if (type === 's') return this.shared[Number(raw)] ?? '';
    if (type === 'str' || type === 'e') return decodeXmlText(raw);
    if (type === 'b') return raw === '1' || raw === 'true';
    // ISO text without a zone is a calendar date, not local time (which could move it a day).
    if (type === 'd') return new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(raw) || raw.length <= 10 ? raw : `${raw}Z`);
    const n = Number(raw);
    if (Number.isNaN(n) || raw.trim() === '') return decodeXmlText(raw);
    const style = this.dateStyleSet.size > 0 ? attr(attrs, 's') : undefined;
    return style !== undefined && this.dateStyleSet.has(Number(style)) ? excelDate(n, this.date1904) : n;
  }

  /** The cells of one row's body, by their column (a cell without a reference follows the one before). */
  private cells(body: string): RawCell[] {
    const cells: RawCell[] = [];
    let column = 0;
    for (let c = findTag(body, this.cellOpen, 0); c >= 0; ) {
      const end = body.indexOf('>', c);
      if (end < 0) break;
      const empty = body.charCodeAt(end - 1) === 47;
      const attrs = body.slice(c + this.cellOpen.length, empty ? end - 1 : end);
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : column;
      column = col + 1;
      let after = end + 1;
      if (!empty) {
        const cellClose = body.indexOf(this.cellEnd, end);
        const inner = cellClose < 0 ? body.slice(end + 1) : body.slice(end + 1, cellClose);
        after = cellClose < 0 ? body.length : cellClose + this.cellEnd.length;
        const value = inner ? this.cellValue(attrs, inner) : undefined;
        if (value !== undefined) cells[col] = value;
      }
      c = findTag(body, this.cellOpen, after);
    }
    for (let k = 0; k < cells.length; k++) if (cells[k] === undefined) cells[k] = null;
    return cells;
  }

  /** Every complete row element in a segment of the sheet's XML. */
  rows(segment: string): SheetRow[] {
    const out: SheetRow[] = [];
    for (let i = findTag(segment, this.rowOpen, 0); i >= 0; ) {
      const tagEnd = segment.indexOf('>', i);
      if (tagEnd < 0) break;
      const selfClosing = segment.charCodeAt(tagEnd - 1) === 47;
      const rowAttrs = segment.slice(i + this.rowOpen.length, selfClosing ? tagEnd - 1 : tagEnd);
      const r = attr(rowAttrs, 'r');
      const row = r && /^\d+$/.test(r) ? Number(r) : this.lastRow + 1;
      this.lastRow = row;
      let next = tagEnd + 1;
      let cells: RawCell[] = [];
      if (!selfClosing) {
        const close = segment.indexOf(this.rowEnd, tagEnd);
        cells = this.cells(close < 0 ? segment.slice(tagEnd + 1) : segment.slice(tagEnd + 1, close));
        next = close < 0 ? segment.length : close + this.rowEnd.length;
      }
      out.push({ row, cells });
      i = findTag(segment, this.rowOpen, next);
    }
    return out;
  }
}

/** The worksheet's rows in batches, as the sheet inflates; progress in compressed bytes. */
export async function* sheetRows(
  buf: Buffer,
  entry: ZipEntry,
  shared: string[],
  dateStyleSet: Set<number>,
  date1904: boolean,
  onProgress?: (compressedDone: number) => void,
): AsyncGenerator<SheetRow[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let sheet: SheetXml | null = null;
  let inflated = 0;
  for await (const chunk of streamEntry(buf, entry)) {
    inflated += chunk.length;
    let text = carry + decoder.write(chunk);
    if (sheet === null) {
      const root = text.match(/<(\w+:)?worksheet\b/);
      if (!root) {
        carry = text;
        continue;
      }
      const p = root[1] ?? '';
      sheet = new SheetXml(p, shared, dateStyleSet, date1904);
      const start = text.indexOf(`<${p}sheetData`);
      if (start > 0) text = text.slice(start);
    }
    const cut = text.lastIndexOf(sheet.rowEnd);
    if (cut < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(cut + sheet.rowEnd.length);
    const rows = sheet.rows(text.slice(0, cut + sheet.rowEnd.length));
    onProgress?.(
      Math.min(entry.compressedSize, Math.round((inflated / Math.max(1, entry.size)) * entry.compressedSize)),
    );
    if (rows.length > 0) yield rows;
  }
  carry += decoder.end();
  if (sheet !== null && carry) {
    const end = carry.indexOf(sheet.sheetDataEnd);
    const rows = sheet.rows(end >= 0 ? carry.slice(0, end) : carry);
    if (rows.length > 0) yield rows;
  }
  onProgress?.(entry.compressedSize);
}
