/**
 * Stage 3, row checks: every mapped cell of a data row normalised and checked, every problem recorded with
 * its row and column. What comes out is one RowResult per row, grouped into families by families.ts.
 */
import {
  checkInteger,
  checkText,
  KPM_FIELDS,
  MEMBER_FIELDS,
  NUMBER_FIELDS,
  numberSpec,
  type TextSpec,
} from '../../domain/fields';
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
  type Normalized,
  normalizeDate,
  normalizeHubungan,
  normalizeKomponen,
  normalizeName,
  normalizeNik,
  normalizeNoKk,
  normalizePhone,
  normalizeRtRw,
  normalizeSex,
  normalizeYear,
  parseNikOnce,
  personKey,
  type RawCell,
  type RegionMatcher,
  splitRtRw,
  splitTempatTanggalLahir,
  type ValueProblem,
} from '../../domain/normalize';
import type { FamilyValues, ImportLayout, ImportProblem, MemberRecord, Severity } from './types';
import { columnLetter, type SheetRow } from './xlsx';

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

const KEY_FIELDS: ImportField[] = ['nik', 'noKk', 'idKpm', 'nama', 'artNik', 'artNama'];

/** The import columns read as free text, with the field definition each is checked against. */
const TEXT_FIELD_SPEC = {
  idKpm: KPM_FIELDS.idKpm,
  idDtks: KPM_FIELDS.idDtks,
  nama: KPM_FIELDS.nama,
  tempatLahir: KPM_FIELDS.tempatLahir,
  alamat: KPM_FIELDS.alamat,
  notes: KPM_FIELDS.notes,
  artNama: MEMBER_FIELDS.nama,
} as const satisfies Partial<Record<ImportField, TextSpec>>;
type TextField = keyof typeof TEXT_FIELD_SPEC;

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
  error: boolean;
  districtOnly?: string;
}

export function problemMessage(row: number, header: string, message: string): string {
  if (row <= 0) return message.charAt(0).toUpperCase() + message.slice(1);
  return header ? `Baris ${row}, kolom ${header}: ${message}` : `Baris ${row}: ${message}`;
}

export class RowChecker {
  readonly layout: ImportLayout;
  private readonly columns: Partial<Record<ImportField, number>>;
  blankRows = 0;
  repeatedHeaders = 0;
  skippedRows = 0;
  private readonly headerSignature: string;
  private readonly firstHeader: string;
  private readonly mapped: [ImportField, number][];
  private readonly pendampingRefs = new Map<string, { key: string; name: string } | null>();
  /** Day-first and month-first proofs, and dates that read both ways, per date column (see dateOrder). */
  private readonly dateOrders = new Map<
    ImportField,
    {
      dayFirst: boolean;
      monthFirst: { row: number; text: string } | null;
      ambiguous: { row: number; text: string; first: number; second: number }[];
    }
  >();
  private readonly regionSuggestions = new Map<string, RegionSuggestion>();
  /** The current row's non-blank mapped cells (reused from row to row). */
  private readonly values: Partial<Record<ImportField, RawCell>> = {};

  constructor(
    mapping: ColumnMapping,
    private readonly headers: readonly string[],
    private readonly ctx: CheckContext,
    private readonly problems: ImportProblem[],
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
  private take<T>(
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

  private cell(field: ImportField): RawCell {
    return this.values[field] ?? null;
  }

  private has(field: ImportField): boolean {
    return this.values[field] !== undefined;
  }

  /**
   * ID KPM or ID DTKS: a matching key, so a number Excel rounded (above 2^53, or shown as 3.52801E+17) is an
   * error, as for NIK, never a silently different key.
   */
  private idText(r: RowResult, field: 'idKpm' | 'idDtks'): string | undefined {
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
  private text(r: RowResult, field: TextField): string | undefined {
    if (!this.has(field)) return undefined;
    const raw = this.cell(field);
    const text = cellText(raw);
    return this.take(r, field, raw, checkText(TEXT_FIELD_SPEC[field], text.startsWith("'") ? text.slice(1) : text));
  }

  /** Checks one sheet row; null for blank rows, repeated header rows and rows without any key. */
  check(sheetRow: SheetRow): RowResult | null {
    if (!this.read(sheetRow)) return null;
    const r: RowResult = { row: sheetRow.row, family: {}, error: false };
    if (!KEY_FIELDS.some((f) => this.values[f] !== undefined)) {
      this.skippedRows++;
      this.problem(
        r.row,
        null,
        null,
        {
          code: 'ROW_NO_KEY',
          message: 'baris tidak berisi NIK, No. KK, ID KPM maupun nama; dilewati.',
          expected: 'baris data berisi NIK, No. KK atau ID KPM',
        },
        'warning',
      );
      return null;
    }
    this.checkIdentity(r);
    this.checkBirth(r);
    this.checkAddress(r);
    this.checkRegion(r);
    this.checkOther(r);
    const v = r.family;
    if (v.nik)
      this.nikWarnings(r.row, v.nik, v.tanggalLahir, v.jenisKelamin, v.districtCode, 'tanggalLahir', 'jenisKelamin');
    if (this.layout === 'keluarga_anggota') r.member = this.memberPart(r);
    for (const key of Object.keys(v) as (keyof FamilyValues)[]) if (v[key] === undefined) delete v[key];
    return r;
  }

  /** Reads the row's mapped cells into this.values; false for a blank row or a repeated header row. */
  private read(sheetRow: SheetRow): boolean {
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

  /** ID KPM, ID DTKS, No. KK, NIK and name of the pengurus (or of the person, layout anggota). */
  private checkIdentity(r: RowResult): void {
    const v = r.family;
    v.idKpm = this.idText(r, 'idKpm');
    v.idDtks = this.idText(r, 'idDtks');
    if (this.has('noKk')) v.noKk = this.take(r, 'noKk', this.cell('noKk'), normalizeNoKk(this.cell('noKk')));
    if (this.has('nik')) v.nik = this.take(r, 'nik', this.cell('nik'), normalizeNik(this.cell('nik')));
    // Names are stored in capitals, as in the registry (createKpm does the same).
    v.nama = this.text(r, 'nama')?.toUpperCase();
  }

  /** Place and date of birth (also from one "tempat, tanggal lahir" column), sex and komponen. */
  private checkBirth(r: RowResult): void {
    const v = r.family;
    if (this.has('tempatTanggalLahir') && (!this.has('tempatLahir') || !this.has('tanggalLahir'))) {
      const raw = this.cell('tempatTanggalLahir');
      const { tempat, tanggal } = splitTempatTanggalLahir(raw);
      if (!this.has('tempatLahir') && tempat) v.tempatLahir = tempat.toUpperCase();
      if (!this.has('tanggalLahir') && tanggal)
        v.tanggalLahir = this.take(r, 'tempatTanggalLahir', raw, this.date(tanggal, 'tempatTanggalLahir', r.row));
    }
    if (this.has('tempatLahir')) v.tempatLahir = this.text(r, 'tempatLahir')?.toUpperCase();
    if (this.has('tanggalLahir'))
      v.tanggalLahir = this.take(
        r,
        'tanggalLahir',
        this.cell('tanggalLahir'),
        this.date(this.cell('tanggalLahir'), 'tanggalLahir', r.row),
      );
    if (this.has('jenisKelamin'))
      v.jenisKelamin = this.take(r, 'jenisKelamin', this.cell('jenisKelamin'), normalizeSex(this.cell('jenisKelamin')));
    if (this.has('komponen'))
      v.komponen = this.take(r, 'komponen', this.cell('komponen'), normalizeKomponen(this.cell('komponen')), 'warning');
  }

  /** Street address and RT/RW (one column or two). */
  private checkAddress(r: RowResult): void {
    const v = r.family;
    v.alamat = this.text(r, 'alamat');
    if (this.has('rtRw')) {
      const rtRw = this.take(r, 'rtRw', this.cell('rtRw'), splitRtRw(this.cell('rtRw')), 'warning');
      if (rtRw) {
        v.rt = rtRw.rt;
        v.rw = rtRw.rw;
      }
    }
    if (this.has('rt')) v.rt = this.take(r, 'rt', this.cell('rt'), normalizeRtRw(this.cell('rt'), 'RT'), 'warning');
    if (this.has('rw')) v.rw = this.take(r, 'rw', this.cell('rw'), normalizeRtRw(this.cell('rw'), 'RW'), 'warning');
  }

  /** Kecamatan and desa by name or code; the desa is looked up within the kecamatan when one is given. */
  private checkRegion(r: RowResult): void {
    const v = r.family;
    const { regions } = this.ctx;
    let districtCode: string | undefined;
    if (this.has('kecamatan')) {
      const result = regions.district(this.cell('kecamatan'));
      districtCode = this.take(r, 'kecamatan', this.cell('kecamatan'), this.suggested(r, 'kecamatan', null, result));
    }
    if (this.has('desa')) {
      if (this.has('kecamatan') && districtCode === undefined) return;
      const within = districtCode ?? null;
      const result = regions.village(this.cell('desa'), within);
      const village = this.take(r, 'desa', this.cell('desa'), this.suggested(r, 'desa', within, result));
      if (village) {
        v.districtCode = village.districtCode;
        v.villageCode = village.villageCode;
      }
    } else if (districtCode) {
      r.districtOnly = districtCode;
    }
  }

  /**
   * A region not found but with a close one suggested: noted once per distinct value, and replaced by the
   * suggested region when the user accepted it.
   */
  private suggested<T>(
    r: RowResult,
    field: 'kecamatan' | 'desa',
    within: string | null,
    result: Normalized<T>,
  ): Normalized<T> {
    if (result.ok || !result.suggestion) return result;
    const value = cleanText(this.cell(field));
    const key = `${field}|${within ?? ''}|${value.toUpperCase()}`;
    let entry = this.regionSuggestions.get(key);
    if (!entry) {
      entry = {
        key,
        level: field,
        value,
        within: within ? this.ctx.regions.nameOf(within).toUpperCase() : null,
        suggestion: result.suggestion,
        rows: 0,
        firstRows: [],
        accepted: this.ctx.acceptedSuggestions?.has(key) ?? false,
      };
      this.regionSuggestions.set(key, entry);
    }
    entry.rows++;
    if (entry.firstRows.length < 20) entry.firstRows.push(r.row);
    if (!entry.accepted) return result;
    const code = result.suggestion.code;
    return (
      field === 'kecamatan' ? this.ctx.regions.district(code) : this.ctx.regions.village(code, within)
    ) as Normalized<T>;
  }

  /** The region suggestions of the file, the most frequent first. */
  suggestions(): RegionSuggestion[] {
    return [...this.regionSuggestions.values()].sort((a, b) => b.rows - a.rows || a.firstRows[0] - b.firstRows[0]);
  }

  /** Phone, year joined, notes, pendamping and the relation to the pengurus. */
  private checkOther(r: RowResult): void {
    const v = r.family;
    if (this.has('phone'))
      v.phone = this.take(r, 'phone', this.cell('phone'), normalizePhone(this.cell('phone')), 'warning');
    if (this.has('tahunBergabung')) {
      v.tahunBergabung = this.take(
        r,
        'tahunBergabung',
        this.cell('tahunBergabung'),
        normalizeYear(this.cell('tahunBergabung'), this.ctx.today),
        'warning',
      );
    }
    v.notes = this.text(r, 'notes');
    // The form's own check (one message): a wrong number is an error, not a value silently dropped.
    for (const key of NUMBER_FIELDS) {
      if (this.has(key))
        (v as Record<string, unknown>)[key] =
          this.take(r, key, this.cell(key), checkInteger(numberSpec(key), this.cell(key))) ?? undefined;
    }
    if (this.has('pendamping')) {
      // A few hundred pendamping serve 100,000 families: one shared reference per name.
      const name = normalizeName(this.cell('pendamping'));
      let ref = this.pendampingRefs.get(name);
      if (!ref) {
        const key = personKey(name);
        ref = key ? { key, name } : null;
        this.pendampingRefs.set(name, ref);
      }
      if (ref) r.pendamping = ref;
    }
    if (this.has('hubungan')) {
      r.hubungan = this.take(
        r,
        'hubungan',
        this.cell('hubungan'),
        normalizeHubungan(this.cell('hubungan')),
        this.layout === 'anggota' ? 'error' : 'warning',
      );
    }
  }

  private date(raw: RawCell, field: ImportField, row: number) {
    // A member's birth date speaks with the member field's label, as the form does.
    const spec = field === 'artTanggalLahir' ? MEMBER_FIELDS.tanggalLahir : KPM_FIELDS.tanggalLahir;
    const result = normalizeDate(raw, { today: this.ctx.today, date1904: this.ctx.date1904, field: spec });
    if (result.ok && typeof raw === 'string') this.dateOrder(field, row, raw);
    return result;
  }

  /**
   * Which way round a column writes its dates. "25/03/1980" proves day first, "03/25/1980" month first; in
   * between, "03/04/1980" could be either. A column with month-first proof and none for day first is read
   * wrongly for such dates, so they are kept until the end of the file (finishDates) to be reported.
   */
  private dateOrder(field: ImportField, row: number, raw: string) {
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

  private nikWarnings(
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

  /** The member columns of a keluarga_anggota row; undefined when the row carries no member. */
  private memberPart(r: RowResult): MemberRecord | undefined {
    if (!this.has('artNama') && !this.has('artNik')) return undefined;
    if (r.hubungan === 'pengurus') return undefined;
    const nik = this.has('artNik')
      ? this.take(r, 'artNik', this.cell('artNik'), normalizeNik(this.cell('artNik')))
      : undefined;
    if (nik && nik === r.family.nik) return undefined;
    const hadError = r.error;
    const nama = this.text(r, 'artNama')?.toUpperCase() ?? '';
    if (r.error && !hadError) return undefined;
    if (!nama) {
      this.problem(
        r.row,
        'artNama',
        this.cell('artNama'),
        { code: 'MEMBER_NAME_MISSING', message: 'nama anggota kosong.', expected: 'nama anggota keluarga' },
        'error',
      );
      r.error = true;
      return undefined;
    }
    const tanggalLahir = this.has('artTanggalLahir')
      ? this.take(
          r,
          'artTanggalLahir',
          this.cell('artTanggalLahir'),
          this.date(this.cell('artTanggalLahir'), 'artTanggalLahir', r.row),
        )
      : undefined;
    let sex = this.has('artJenisKelamin')
      ? this.take(r, 'artJenisKelamin', this.cell('artJenisKelamin'), normalizeSex(this.cell('artJenisKelamin')))
      : undefined;
    const parsed = nik ? parseNik(nik, this.ctx.today) : null;
    if (parsed?.ok) {
      this.nikWarnings(r.row, nik as string, tanggalLahir, sex, undefined, 'artTanggalLahir', 'artJenisKelamin');
      sex ??= parsed.value.sex;
    }
    if (!sex) {
      if (!this.has('artJenisKelamin')) {
        this.problem(
          r.row,
          'artJenisKelamin',
          null,
          {
            code: 'MEMBER_SEX_MISSING',
            message: `jenis kelamin anggota ${nama} tidak diketahui (tidak ada kolom jenis kelamin atau NIK yang sah).`,
            expected: 'L atau P',
          },
          'error',
        );
      }
      r.error = true;
      return undefined;
    }
    let hubungan = r.hubungan;
    if (!hubungan) {
      if (this.columns.hubungan !== undefined && !this.has('hubungan')) {
        this.problem(
          r.row,
          'hubungan',
          null,
          {
            code: 'HUBUNGAN_MISSING',
            message: `hubungan anggota ${nama} kosong; dicatat sebagai famili lain.`,
            expected: 'SUAMI, ISTRI, ANAK, CUCU, ...',
          },
          'warning',
        );
      }
      hubungan = 'famili_lain';
    }
    const komponen = this.has('artKomponen')
      ? this.take(r, 'artKomponen', this.cell('artKomponen'), normalizeKomponen(this.cell('artKomponen')), 'warning')
      : undefined;
    return { row: r.row, nik, nama, hubungan, tanggalLahir, jenisKelamin: sex, komponen };
  }

  /** A person row of layout anggota, as a member of its family. */
  personAsMember(r: RowResult): MemberRecord | null {
    const v = r.family;
    if (!v.nama) {
      this.problem(
        r.row,
        'nama',
        null,
        { code: 'MEMBER_NAME_MISSING', message: 'nama anggota kosong.', expected: 'nama anggota keluarga' },
        'error',
      );
      return null;
    }
    let sex = v.jenisKelamin;
    if (!sex && v.nik) {
      const parsed = parseNik(v.nik, this.ctx.today);
      if (parsed.ok) sex = parsed.value.sex;
    }
    if (!sex) {
      this.problem(
        r.row,
        'jenisKelamin',
        null,
        {
          code: 'MEMBER_SEX_MISSING',
          message: `jenis kelamin ${v.nama} tidak diketahui (tidak ada kolom jenis kelamin atau NIK yang sah).`,
          expected: 'L atau P',
        },
        'error',
      );
      return null;
    }
    return {
      row: r.row,
      nik: v.nik,
      nama: v.nama,
      hubungan: r.hubungan === 'pengurus' || !r.hubungan ? 'famili_lain' : r.hubungan,
      tanggalLahir: v.tanggalLahir,
      jenisKelamin: sex,
      komponen: v.komponen,
    };
  }
}
