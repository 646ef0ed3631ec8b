/**
 * Stage 3, reading a row: the mapped cells of a data row, the problems recorded with their row and column, and
 * what must wait for the end of the file (the order of day and month in a date column). The field checks
 * themselves are in rows.ts.
 */
import { checkText } from '../../domain/field-checks';
import { BULAN } from '../../domain/format';
import { nikMismatchWarnings, parseNik, type Sex } from '../../domain/identity';
import { type ColumnMapping, IMPORT_FIELD_LABEL, type ImportField } from '../../domain/import-fields';
import {
  cellText,
  cleanText,
  displayValue,
  type HubunganValue,
  isBlankText,
  lowerFirst,
  NISN_NOT_MEMBER,
  type Normalized,
  normalizeDate,
  normalizeNisn,
  parseNikOnce,
  type RawCell,
  type RegionMatcher,
  type ValueProblem,
} from '../../domain/normalize';
import { dateSpecOf, textSpecOf } from './cell-specs';
import type { FamilyValues, ImportLayout, ImportProblem, MemberRecord, Severity } from './types';
import { columnLetter, type SheetRow } from './xlsx-reader';

export interface CheckContext {
  regions: RegionMatcher;
  today: Date;
  date1904: boolean;
  /** Keys of region suggestions the user accepted (see RegionSuggestion). */
  acceptedSuggestions?: ReadonlySet<string>;
}

/**
 * A kecamatan or desa name not found, with the close one suggested for it. One per distinct value (and, for a
 * desa, its kecamatan): accepting it (by key) gives every row with that value the suggested region.
 */
export interface RegionSuggestion {
  key: string;
  level: 'kecamatan' | 'desa';
  /** As written in the file. */
  value: string;
  /** The kecamatan a desa was looked for in, if any. */
  within: string | null;
  suggestion: { code: string; name: string };
  rows: number;
  /** The first rows with the value (up to 20). */
  firstRows: number[];
  accepted: boolean;
}

/** 03/04/1980, 3-4-80, 03.04.1980: day and month as numbers, in an order the cell does not say. */
const NUMERIC_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\s*$/;

/** A number in scientific notation, as Excel shows a long number (3.52801E+17). */
const SCIENTIFIC_ID = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+$/;

/** parseNik reads two-digit years against the current year; a check dated otherwise parses its own. */
const THIS_YEAR = new Date().toISOString().slice(0, 4);

export function layoutOf(mapping: ColumnMapping): ImportLayout {
  if (mapping.artNik !== undefined || mapping.artNama !== undefined) return 'keluarga_anggota';
  if (mapping.hubungan !== undefined) return 'anggota';
  return 'keluarga';
}

/** One checked row: the family part, the person on the row, and (layout keluarga_anggota) a member. */
export interface RowResult {
  row: number;
  family: FamilyValues;
  pendamping?: { key: string; name: string };
  hubungan?: HubunganValue;
  member?: MemberRecord;
  /** Layout anggota: the person's NISN, when the person is a member. */
  nisn?: string;
  error: boolean;
  districtOnly?: string;
}

export function problemMessage(row: number, header: string, message: string): string {
  if (row <= 0) return message.charAt(0).toUpperCase() + message.slice(1);
  return header ? `Baris ${row}, kolom ${header}: ${message}` : `Baris ${row}: ${message}`;
}

/** A row checker's cells and problems; RowChecker (rows.ts) reads the fields from them. */
export abstract class RowCells {
  readonly layout: ImportLayout;
  protected readonly columns: Partial<Record<ImportField, number>>;
  blankRows = 0;
  repeatedHeaders = 0;
  skippedRows = 0;
  protected readonly headerSignature: string;
  protected readonly firstHeader: string;
  protected readonly mapped: [ImportField, number][];
  /** Day-first and month-first proofs, and dates that read both ways, per date column (see dateOrder). */
  protected readonly dateOrders = new Map<
    ImportField,
    {
      dayFirst: boolean;
      monthFirst: { row: number; text: string } | null;
      ambiguous: { row: number; text: string; first: number; second: number }[];
    }
  >();
  /** The current row's non-blank mapped cells (reused from row to row). */
  protected readonly values: Partial<Record<ImportField, RawCell>> = {};
  constructor(
    mapping: ColumnMapping,
    protected readonly headers: readonly string[],
    protected readonly ctx: CheckContext,
    protected readonly problems: ImportProblem[],
  ) {
    this.layout = layoutOf(mapping);
    this.columns = mapping;
    this.mapped = Object.entries(mapping).filter((e): e is [ImportField, number] => e[1] !== undefined);
    this.headerSignature = headers.map((h) => h.toUpperCase()).join('\u0001');
    this.firstHeader = (headers[0] ?? '').toUpperCase();
  }

  headerOf(field: ImportField): string {
    const column = this.columns[field];
    return column === undefined ? IMPORT_FIELD_LABEL[field] : this.headers[column] || IMPORT_FIELD_LABEL[field];
  }

  problem(row: number, field: ImportField | null, raw: RawCell, p: ValueProblem, severity: Severity): void {
    const column = field ? this.columns[field] : undefined;
    const header = field ? this.headerOf(field) : '';
    this.problems.push({
      row,
      column: column === undefined ? '' : columnLetter(column),
      header,
      field,
      value: displayValue(raw),
      code: p.code,
      severity,
      message: problemMessage(row, header, lowerFirst(p.message)),
      expected: p.expected,
    });
  }

  /** The mapped field a family value was read from (for the column of a problem). */
  fieldOf(key: keyof FamilyValues | 'pendamping'): ImportField {
    const mapped = (field: ImportField) => this.columns[field] !== undefined;
    switch (key) {
      case 'tempatLahir':
      case 'tanggalLahir':
        return mapped(key) || !mapped('tempatTanggalLahir') ? key : 'tempatTanggalLahir';
      case 'rt':
      case 'rw':
        return mapped(key) || !mapped('rtRw') ? key : 'rtRw';
      case 'districtCode':
        return mapped('kecamatan') ? 'kecamatan' : 'desa';
      case 'villageCode':
        return 'desa';
      default:
        return key;
    }
  }

  /** Two rows of one family give different values for a family field: an error, the family is not imported. */
  familyConflict(row: number, otherRow: number, key: keyof FamilyValues | 'pendamping', value: string, other: string) {
    const field = this.fieldOf(key);
    const column = this.columns[field];
    const header = this.headerOf(field);
    this.problems.push({
      row,
      column: column === undefined ? '' : columnLetter(column),
      header,
      field,
      value,
      code: 'FAMILY_ROWS_CONFLICT',
      severity: 'error',
      message:
        `Baris ${row} dan baris ${otherRow} keluarga yang sama berbeda pada kolom ${header}: ${value} vs ${other}. ` +
        'Keluarga ini tidak diimpor; samakan isinya di kedua baris.',
      expected: `isi yang sama dengan baris ${otherRow}`,
    });
  }

  /** The normalised value, or undefined when blank or wrong (the problem is recorded; errors mark the row). */
  protected take<T>(
    r: RowResult,
    field: ImportField,
    raw: RawCell,
    result: Normalized<T>,
    severity: Severity = 'error',
  ): T | undefined {
    if (result.ok) {
      if (result.warning) this.problem(r.row, field, raw, result.warning, 'warning');
      return result.value;
    }
    this.problem(r.row, field, raw, result, severity);
    if (severity === 'error') r.error = true;
    return undefined;
  }

  /**
   * The row's NISN when the row is a member's, checked as the form checks it; on a row without a member (the
   * pengurus's, or a file of families only) it is not kept, and the report says so rather than dropping it.
   */
  protected memberNisn(r: RowResult): string | undefined {
    return this.has('artNisn')
      ? this.take(r, 'artNisn', this.cell('artNisn'), normalizeNisn(this.cell('artNisn')))
      : undefined;
  }

  protected nisnNotKept(r: RowResult): undefined {
    if (this.has('artNisn')) this.problem(r.row, 'artNisn', this.cell('artNisn'), NISN_NOT_MEMBER, 'warning');
    return undefined;
  }

  protected cell(field: ImportField): RawCell {
    return this.values[field] ?? null;
  }

  protected has(field: ImportField): boolean {
    return this.values[field] !== undefined;
  }

  /**
   * ID KPM or ID DTKS: a matching key, so a number Excel rounded (above 2^53, or shown as 3.52801E+17) is an
   * error, as for NIK, never a silently different key.
   */
  protected idText(r: RowResult, field: 'idKpm' | 'idDtks'): string | undefined {
    if (!this.has(field)) return undefined;
    const raw = this.cell(field);
    const lost =
      typeof raw === 'number'
        ? !Number.isSafeInteger(raw)
        : SCIENTIFIC_ID.test(
            cleanText(raw)
              .replace(/^['‘’`]+/, '')
              .trim(),
          );
    if (lost) {
      const label = field === 'idKpm' ? 'ID KPM' : 'ID DTKS';
      this.problem(
        r.row,
        field,
        raw,
        {
          code: field === 'idKpm' ? 'IDKPM_EXCEL_NUMBER' : 'IDDTKS_EXCEL_NUMBER',
          message: `nilai ${displayValue(raw)} telah diubah Excel menjadi angka dan digitnya hilang. Format kolom ${label} sebagai Teks lalu ketik ulang.`,
          expected: `${label} lengkap, dengan kolom berformat Teks`,
        },
        'error',
      );
      r.error = true;
      return undefined;
    }
    return this.text(r, field)?.toUpperCase();
  }

  /**
   * Free text of a field, checked by the field's own definition (fields.ts), as the form checks it: hidden
   * characters and too long are errors with the form's message. Excel's leading apostrophe is not text.
   */
  protected text(r: RowResult, field: ImportField): string | undefined {
    if (!this.has(field)) return undefined;
    const raw = this.cell(field);
    const text = cellText(raw);
    return this.take(r, field, raw, checkText(textSpecOf(field), text.startsWith("'") ? text.slice(1) : text));
  }

  /** Reads the row's mapped cells into this.values; false for a blank row or a repeated header row. */
  protected read(sheetRow: SheetRow): boolean {
    const cells = sheetRow.cells;
    let empty = true;
    for (const c of cells) {
      if (c !== null && c !== undefined && c !== '' && !(typeof c === 'string' && c.trim() === '')) {
        empty = false;
        break;
      }
    }
    if (empty) {
      this.blankRows++;
      return false;
    }
    // Each mapped cell is read and cleaned once; blank cells count as absent.
    const values = this.values;
    for (const [field, column] of this.mapped) {
      const raw = cells[column];
      values[field] = raw === undefined || raw === null || isBlankText(cleanText(raw)) ? undefined : raw;
    }
    if (typeof cells[0] === 'string' && cells.length >= 2 && cleanText(cells[0]).toUpperCase() === this.firstHeader) {
      const signature = this.headers.map((_, i) => cleanText(cells[i] ?? null).toUpperCase()).join('\u0001');
      if (signature === this.headerSignature) {
        this.repeatedHeaders++;
        return false;
      }
    }
    return true;
  }

  protected date(raw: RawCell, field: ImportField, row: number) {
    // A member's birth date speaks with the member field's label, as the form does.
    const result = normalizeDate(raw, { today: this.ctx.today, date1904: this.ctx.date1904, field: dateSpecOf(field) });
    if (result.ok && typeof raw === 'string') this.dateOrder(field, row, raw);
    return result;
  }

  /**
   * Which way round a column writes its dates. "25/03/1980" proves day first, "03/25/1980" month first; in
   * between, "03/04/1980" could be either. A column with month-first proof and none for day first is read
   * wrongly for such dates, so they are kept until the end of the file (finishDates) to be reported.
   */
  protected dateOrder(field: ImportField, row: number, raw: string) {
    const m = NUMERIC_DATE.exec(raw);
    if (!m) return;
    const first = Number(m[1]);
    const second = Number(m[2]);
    let order = this.dateOrders.get(field);
    if (!order) {
      order = { dayFirst: false, monthFirst: null, ambiguous: [] };
      this.dateOrders.set(field, order);
    }
    if (order.dayFirst) return;
    if (first > 12 && second <= 12) {
      order.dayFirst = true;
      order.ambiguous = [];
    } else if (first <= 12 && second > 12 && second <= 31) {
      order.monthFirst ??= { row, text: raw.trim() };
    } else if (first >= 1 && second >= 1 && first <= 12 && second <= 12 && first !== second) {
      order.ambiguous.push({ row, text: raw.trim(), first, second });
    }
  }

  /**
   * At the end of the file: in a column that looks month-first, every date that reads both ways is an error
   * (DATE_AMBIGUOUS). Returns the rows concerned, whose families are then not imported.
   */
  finishDates(): Set<number> {
    const rows = new Set<number>();
    for (const [field, order] of this.dateOrders) {
      if (order.dayFirst || !order.monthFirst) continue;
      const proof = order.monthFirst;
      for (const a of order.ambiguous) {
        const year = NUMERIC_DATE.exec(a.text)?.[3] ?? '';
        this.problem(
          a.row,
          field,
          a.text,
          {
            code: 'DATE_AMBIGUOUS',
            message:
              `tanggal ${a.text} bisa dibaca ${a.first} ${BULAN[a.second - 1]} ${year} atau ${a.second} ${BULAN[a.first - 1]} ${year}; ` +
              `kolom ini tampak berformat bulan/tanggal (baris ${proof.row}: ${proof.text}). Tulis tanggal sebagai dd-mm-yyyy.`,
            expected: 'tanggal dd-mm-yyyy, misalnya 25-03-1980',
          },
          'error',
        );
        rows.add(a.row);
      }
    }
    this.dateOrders.clear();
    return rows;
  }

  protected nikWarnings(
    row: number,
    nik: string,
    birthDate: string | undefined,
    sex: Sex | undefined,
    districtCode: string | undefined,
    dateField: ImportField,
    sexField: ImportField,
  ) {
    const parsed =
      this.ctx.today.toISOString().slice(0, 4) === THIS_YEAR ? parseNikOnce(nik) : parseNik(nik, this.ctx.today);
    if (!parsed.ok) return;
    const given = { birthDate: birthDate ?? null, sex: sex ?? null, districtCode: districtCode ?? null };
    for (const w of nikMismatchWarnings(parsed.value, given)) {
      const field = w.field === 'tanggalLahir' ? dateField : w.field === 'jenisKelamin' ? sexField : null;
      const header = field ? this.headerOf(field) : this.headerOf('nik');
      this.problems.push({
        row,
        column: field && this.columns[field] !== undefined ? columnLetter(this.columns[field] as number) : '',
        header,
        field: field ?? 'nik',
        value: w.field === 'tanggalLahir' ? (birthDate ?? '') : w.field === 'jenisKelamin' ? (sex ?? '') : nik,
        code:
          w.field === 'tanggalLahir'
            ? 'NIK_DATE_MISMATCH'
            : w.field === 'jenisKelamin'
              ? 'NIK_SEX_MISMATCH'
              : 'NIK_REGION_MISMATCH',
        severity: 'warning',
        message: problemMessage(row, header, lowerFirst(w.message)),
        expected: 'sesuai NIK (boleh berbeda bila memang benar)',
      });
    }
  }
}
