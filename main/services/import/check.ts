/**
 * Stage 2-4 for one job: reads the chosen sheet of the file as a stream, finds the header row, maps the
 * columns and feeds every data row through the row checks (rows.ts) into families (families.ts).
 */
import type { Db } from '../../../db/open';
import { matchableRegions } from '../../../db/queries/import';
import { AppError } from '../../domain/errors';
import { type ColumnMapping, headerKey, type ImportField } from '../../domain/import-fields';
import { createRegionMatcher, displayValue } from '../../domain/normalize';
import { getOffice } from '../setup';
import { findCodeColumns } from './code-columns';
import { FamilyCollector } from './families';
import {
  applySavedMapping,
  autoMap,
  detectHeaderRow,
  findMapping,
  HEADER_SEARCH_ROWS,
  headerTexts,
  validateMapping,
} from './mapping';
import type { OpenedFile } from './read';
import { type RegionSuggestion, RowChecker } from './rows';
import type { FamilyRecord, ImportLayout, ImportProblem } from './types';
import type { SheetInfo, SheetRow } from './xlsx-reader';
import { yieldNow } from './yield';

export interface ImportOptions {
  sheet?: string | null;
  /** Row number of the header (as Excel shows it); found automatically when absent. */
  headerRow?: number | null;
  /** A saved mapping's name. */
  mappingName?: string | null;
  /** field -> 0-based column, as corrected by the user. */
  mapping?: Partial<Record<string, number | null>> | null;
  /** Region suggestions the user accepted (their keys): every row with that value takes the suggested region. */
  acceptSuggestions?: string[] | null;
  /** For tests: the day birth dates are checked against. */
  today?: Date;
}

/** What reading and checking the file found: the header, the mapping, the families and the rows' problems. */
export interface Parsed {
  sheet: SheetInfo | null;
  headerRow: number;
  titleRows: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: 'otomatis' | 'tersimpan' | 'pengguna';
  mappingName: string | null;
  missingFromSavedMapping: ImportField[];
  /** Column index -> what the column holds when its content says so (region codes), for the mapping step. */
  columnNotes: Record<number, string>;
  layout: ImportLayout;
  families: FamilyRecord[];
  rowProblems: ImportProblem[];
  /** Region names not found, each with the close name suggested for it (accepted or not). */
  suggestions: RegionSuggestion[];
  rowsRead: number;
  dataRows: number;
  blankRows: number;
  repeatedHeaders: number;
  skippedRows: number;
  fatal: string | null;
}

export type Preview = { row: number; cells: string[] }[];

/** The job's side of a run: where progress goes, and whether the run is still wanted. */
export interface CheckRun {
  db: Db;
  opened: OpenedFile;
  options: ImportOptions;
  setTotal(total: number): void;
  onBytes(done: number): void;
  /** A newer run (another sheet or mapping) replaced this one. */
  stale(): boolean;
  /** Throws when the user cancelled. */
  checkCancelled(): void;
}

const PREVIEW_COLUMNS = 60;

export function emptyParsed(sheet: SheetInfo | null, fatal: string): Parsed {
  return {
    sheet,
    headerRow: 0,
    titleRows: 0,
    headers: [],
    mapping: {},
    mappingSource: 'otomatis',
    mappingName: null,
    missingFromSavedMapping: [],
    columnNotes: {},
    layout: 'keluarga',
    families: [],
    rowProblems: [],
    suggestions: [],
    rowsRead: 0,
    dataRows: 0,
    blankRows: 0,
    repeatedHeaders: 0,
    skippedRows: 0,
    fatal,
  };
}

/** Reads and checks the file; null when a newer run took over meanwhile. */
export async function readAndCheck(run: CheckRun): Promise<{ parsed: Parsed; preview: Preview } | null> {
  const { db, opened, options } = run;
  const regions = regionMatcherFor(db);
  const sheet = await chooseSheet(opened, options.sheet ?? null);
  if (run.stale()) return null;
  run.setTotal(opened.size(sheet));
  const reader = new SheetReader(db, sheet, options, regions, opened.date1904);
  const iterator = opened.rows(sheet, run.onBytes);
  try {
    for await (const batch of iterator) {
      if (run.stale()) return null;
      run.checkCancelled();
      if (!reader.take(batch)) break;
      await yieldNow();
    }
  } finally {
    await iterator.return(undefined);
  }
  opened.release();
  if (run.stale()) return null;
  return { parsed: reader.finish(), preview: reader.preview() };
}

function regionMatcherFor(db: Db) {
  const office = getOffice(db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  const entries = matchableRegions(db);
  return createRegionMatcher(office.regencyCode, entries);
}

async function firstRows(opened: OpenedFile, sheet: SheetInfo | null): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const iterator = opened.rows(sheet);
  try {
    for await (const batch of iterator) {
      rows.push(...batch);
      if (rows.length >= HEADER_SEARCH_ROWS) break;
    }
  } finally {
    await iterator.return(undefined);
  }
  return rows.slice(0, HEADER_SEARCH_ROWS);
}

/** The sheet asked for, else the first visible sheet with a header row. */
async function chooseSheet(opened: OpenedFile, wanted: string | null): Promise<SheetInfo | null> {
  if (opened.kind !== 'xlsx') return null;
  if (wanted) {
    const found = opened.sheets.find((s) => s.name === wanted);
    if (!found) {
      throw new AppError(
        'INVALID_INPUT',
        `Lembar "${wanted}" tidak ada di berkas ini. Lembar yang ada: ${opened.sheets.map((s) => s.name).join(', ')}.`,
      );
    }
    return found;
  }
  const visible = opened.sheets.filter((s) => !s.hidden);
  for (const sheet of visible) {
    if (detectHeaderRow(await firstRows(opened, sheet)) >= 0) return sheet;
  }
  return visible[0] ?? opened.sheets[0];
}

function rowWithMostHeaders(rows: SheetRow[], keys: string[]): number {
  const wanted = new Set(keys);
  let best = -1;
  let bestCount = 0;
  rows.forEach((r, i) => {
    const found = new Set(
      r.cells
        .filter((c): c is string => typeof c === 'string')
        .map(headerKey)
        .filter((k) => wanted.has(k)),
    );
    if (found.size > bestCount) {
      best = i;
      bestCount = found.size;
    }
  });
  return best;
}

/**
 * The rows of one sheet in order: the first ones are kept until the header row is decided (or the first
 * HEADER_SEARCH_ROWS rows are in), every later row goes straight to the checks.
 */
class SheetReader {
  private readonly buffered: SheetRow[] = [];
  private readonly rowProblems: ImportProblem[] = [];
  private checker: RowChecker | null = null;
  private collector: FamilyCollector | null = null;
  private parsed: Parsed | null = null;
  private noHeader: string | null = null;
  private rowsRead = 0;

  constructor(
    private readonly db: Db,
    private readonly sheet: SheetInfo | null,
    private readonly options: ImportOptions,
    private readonly regions: ReturnType<typeof regionMatcherFor>,
    private readonly date1904: boolean,
  ) {}

  /** Takes a batch of rows; false when there is no point reading on (no header row). */
  take(batch: SheetRow[]): boolean {
    for (const r of batch) {
      this.rowsRead = Math.max(this.rowsRead, r.row);
      if (this.checker) this.feed(r);
      else if (!this.noHeader) {
        this.buffered.push(r);
        if (this.buffered.length >= HEADER_SEARCH_ROWS) this.decideHeader();
      }
    }
    return !this.noHeader;
  }

  preview(): Preview {
    return this.buffered.slice(0, HEADER_SEARCH_ROWS).map((r) => ({
      row: r.row,
      cells: r.cells.slice(0, PREVIEW_COLUMNS).map((c) => displayValue(c)),
    }));
  }

  /** After the last row: the families of the sheet, or why there are none. */
  finish(): Parsed {
    if (!this.checker && !this.noHeader) {
      if (this.buffered.length === 0) {
        throw new AppError(
          'FILE_EMPTY',
          this.sheet
            ? `Lembar "${this.sheet.name}" kosong. Pilih lembar yang berisi data KPM.`
            : 'Berkas tidak berisi baris data.',
        );
      }
      this.decideHeader();
    }
    // Not a failure: the report shows the first rows so the user can point at the header row.
    if (this.noHeader) return emptyParsed(this.sheet, this.noHeader);
    const p = this.parsed as Parsed;
    const c = this.checker as RowChecker;
    p.rowsRead = this.rowsRead;
    p.blankRows = c.blankRows;
    p.repeatedHeaders = c.repeatedHeaders;
    p.skippedRows = c.skippedRows;
    p.families = (this.collector as FamilyCollector).finish();
    p.suggestions = c.suggestions();
    if (p.families.length === 0 && !p.fatal) p.fatal = 'Tidak ada baris data di bawah baris judul kolom.';
    return p;
  }

  private feed(r: SheetRow) {
    if (this.parsed?.fatal) return;
    const result = (this.checker as RowChecker).check(r);
    if (result) {
      (this.collector as FamilyCollector).add(result);
      (this.parsed as Parsed).dataRows++;
    }
  }

  /** The index of the header among the buffered rows; -1 (and noHeader set) when none is found. */
  private headerIndex(): number {
    const { options, buffered } = this;
    if (options.headerRow) {
      const index = buffered.findIndex((r) => r.row === options.headerRow);
      if (index < 0) {
        throw new AppError(
          'IMPORT_NO_HEADER',
          `Baris ${options.headerRow} tidak ada di ${HEADER_SEARCH_ROWS} baris pertama; pilih baris judul kolom yang lain.`,
        );
      }
      return index;
    }
    let index = -1;
    if (options.mappingName && !options.mapping) {
      // A saved mapping knows its headers: the row holding most of them is the header.
      const saved = findMapping(this.db, options.mappingName);
      if (saved) index = rowWithMostHeaders(buffered, Object.values(saved.fields));
    }
    if (index < 0) index = detectHeaderRow(buffered);
    if (index < 0 && options.mapping) index = buffered.findIndex((r) => r.cells.some((c) => c !== null && c !== ''));
    if (index < 0) {
      const where = this.sheet ? `lembar "${this.sheet.name}"` : 'berkas';
      this.noHeader =
        `Baris judul kolom tidak ditemukan di ${HEADER_SEARCH_ROWS} baris pertama ${where}. Pastikan ada satu baris berisi judul ` +
        'seperti NIK, NO KK, NAMA PENGURUS, atau pilih sendiri baris judulnya.';
    }
    return index;
  }

  /** The mapping of the header's columns: the user's, a saved one, or found from the header names. */
  private mappingFor(headers: string[]): Pick<Parsed, 'mapping' | 'mappingSource' | 'mappingName'> & {
    missing: ImportField[];
  } {
    const { options } = this;
    if (options.mapping) {
      const mapping = validateMapping(options.mapping, headers.length);
      return { mapping, mappingSource: 'pengguna', mappingName: null, missing: [] };
    }
    if (options.mappingName) {
      const saved = findMapping(this.db, options.mappingName);
      if (!saved) throw new AppError('NOT_FOUND', `Pemetaan kolom "${options.mappingName}" tidak ditemukan.`);
      const { mapping, missing } = applySavedMapping(headers, saved.fields);
      return { mapping, mappingSource: 'tersimpan', mappingName: saved.name, missing };
    }
    return { mapping: autoMap(headers), mappingSource: 'otomatis', mappingName: null, missing: [] };
  }

  private decideHeader(): void {
    const index = this.headerIndex();
    if (index < 0) return;
    const header = this.buffered[index];
    const headers = headerTexts(header.cells);
    const named = this.mappingFor(headers);
    const { mappingSource, mappingName, missing } = named;
    // Region codes under a header of the ministry's own are offered only when the columns were mapped by name.
    const codes = findCodeColumns(
      headers,
      this.buffered.slice(index + 1),
      named.mapping,
      this.regions,
      mappingSource === 'otomatis',
    );
    const mapping = codes.mapping;
    const identity = mapping.nik !== undefined || mapping.noKk !== undefined || mapping.idKpm !== undefined;
    const today = this.options.today ?? new Date();
    const acceptedSuggestions = new Set(this.options.acceptSuggestions ?? []);
    const ctx = { regions: this.regions, today, date1904: this.date1904, acceptedSuggestions };
    this.checker = new RowChecker(mapping, headers, ctx, this.rowProblems);
    this.collector = new FamilyCollector(this.checker);
    this.parsed = {
      ...emptyParsed(this.sheet, ''),
      headerRow: header.row,
      titleRows: this.buffered.slice(0, index).filter((r) => r.cells.some((c) => c !== null && c !== '')).length,
      headers,
      mapping,
      mappingSource,
      mappingName,
      missingFromSavedMapping: missing,
      columnNotes: codes.notes,
      layout: this.checker.layout,
      rowProblems: this.rowProblems,
      fatal: identity
        ? null
        : 'Kolom NIK, No. KK atau ID KPM belum dipetakan, sehingga keluarga tidak dapat dikenali. Petakan paling sedikit salah satunya.',
    };
    for (const r of this.buffered.slice(index + 1)) this.feed(r);
  }
}
