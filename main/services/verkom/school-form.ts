/**
 * Reads the school's attendance form (daftar hadir verifikasi komitmen pendidikan): NPSN and Nama Sekolah above
 * the table, a header naming the student's columns, three month blocks of ALPA, IZIN, SAKIT, JML and % (the
 * month names usually merged over their five columns in the row above), then KET and NAMA PENDAMPING. CSV with
 * either delimiter and a "sep=" line, or xlsx, through the import's own reader. Pure: no database.
 */
import { AppError } from '../../domain/errors';
import { cleanText, type RawCell } from '../../domain/normalize-cell';
import { MONTH_NAMES } from '../../domain/verkom';
import { currentLongJobs } from '../../workers/scope';
import type { Outcome } from '../../workers/serve';
import { openFile } from '../import/read';
import type { SheetRow } from '../import/xlsx-reader';

export interface MonthAttendance {
  alpa: number;
  izin: number;
  sakit: number;
  jml: number;
  attendanceBp: number;
}

export interface FormRow {
  /** The row number as Excel (or a text editor) shows it. */
  row: number;
  nikPengurus: string;
  nikSiswa: string;
  nisn: string;
  namaSiswa: string;
  /** One per month of the quarter; null when the school left the month blank. */
  months: (MonthAttendance | null)[];
}

export interface RowProblem {
  row: number;
  message: string;
}

export interface SchoolForm {
  npsn: string;
  schoolName: string;
  rows: FormRow[];
  /** Month cells that could not be read: the row is kept, that month is not recorded. */
  problems: RowProblem[];
}

const label = (v: RawCell) =>
  cleanText(v)
    .toUpperCase()
    .replace(/[^A-Z0-9%]+/g, ' ')
    .trim();

const STUDENT_COLUMNS = {
  nikPengurus: 'NIK PENGURUS',
  nikSiswa: 'NIK SISWA',
  nisn: 'NISN',
  namaSiswa: 'NAMA SISWA',
} as const;
const MONTH_PARTS = ['ALPA', 'IZIN', 'SAKIT', 'JML', '%'] as const;
const PART_NAMES: Record<(typeof MONTH_PARTS)[number], string[]> = {
  ALPA: ['ALPA', 'ALFA', 'A'],
  IZIN: ['IZIN', 'IJIN', 'I'],
  SAKIT: ['SAKIT', 'S'],
  JML: ['JML', 'JUMLAH'],
  '%': ['%', 'PERSEN', '% KEHADIRAN', 'PERSENTASE', '% HARI EFEKTIF'],
};

/** Reads every row of the file's first sheet. */
export async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  const opened = openFile(bytes);
  const rows: SheetRow[] = [];
  try {
    for await (const batch of opened.rows(opened.sheets[0] ?? null)) rows.push(...batch);
  } finally {
    opened.release();
  }
  return rows;
}

/** "NPSN" then its value in the next filled cell, or "NPSN: 20301234" in one cell. */
function labelled(rows: SheetRow[], name: string): string {
  for (const r of rows) {
    for (let c = 0; c < r.cells.length; c++) {
      const text = cleanText(r.cells[c]);
      const own = text.match(new RegExp(`^${name}\\s*[:=]\\s*(.+)$`, 'i'));
      if (own) return own[1].trim();
      if (label(text) !== name) continue;
      for (let n = c + 1; n < r.cells.length; n++) {
        const value = cleanText(r.cells[n]).replace(/^[:=]\s*/, '');
        if (value !== '' && value !== ':') return value;
      }
    }
  }
  return '';
}

interface Layout {
  columns: Record<keyof typeof STUDENT_COLUMNS, number>;
  /** Per month, the column of each part. */
  months: Record<(typeof MONTH_PARTS)[number], number>[];
  firstDataIndex: number;
}

function findLayout(rows: SheetRow[], months: readonly string[]): Layout {
  const h = rows.findIndex((r) => r.cells.some((c) => label(c) === 'NIK SISWA'));
  if (h < 0 || h > 30) {
    throw new AppError(
      'INVALID_INPUT',
      'Baris judul kolom tidak ditemukan: tidak ada kolom "NIK SISWA" pada 30 baris pertama.',
    );
  }
  const head = rows[h].cells.map(label);
  const columns = {} as Layout['columns'];
  for (const [key, name] of Object.entries(STUDENT_COLUMNS) as [keyof typeof STUDENT_COLUMNS, string][]) {
    const at = head.indexOf(name);
    if (at < 0)
      throw new AppError('INVALID_INPUT', `Kolom "${name}" tidak ditemukan pada baris judul (baris ${rows[h].row}).`);
    columns[key] = at;
  }
  // The parts are in the header row itself, or in the row below it when month names sit above them.
  const partsIndex = head.some((c) => PART_NAMES.ALPA.includes(c) && c !== 'A') ? h : h + 1;
  const parts = (rows[partsIndex]?.cells ?? []).map(label);
  const starts = parts.flatMap((c, i) => (c === 'ALPA' || c === 'ALFA' ? [i] : []));
  if (starts.length !== 3) {
    throw new AppError(
      'INVALID_INPUT',
      `Formulir harus memuat tiga bulan (kolom ALPA, IZIN, SAKIT, JML, %); ditemukan ${starts.length} kolom ALPA pada baris ${rows[partsIndex]?.row ?? h + 2}.`,
    );
  }
  const monthRow = partsIndex === h ? (rows[h - 1]?.cells ?? []) : rows[h].cells;
  const blocks = starts.map((start, m) => {
    const block = {} as Layout['months'][number];
    MONTH_PARTS.forEach((part, k) => {
      const at = start + k;
      if (!PART_NAMES[part].includes(parts[at] ?? '')) {
        throw new AppError(
          'INVALID_INPUT',
          `Kolom bulan ke-${m + 1} harus berurutan ALPA, IZIN, SAKIT, JML, %; kolom "${part}" tidak ditemukan.`,
        );
      }
      block[part] = at;
    });
    const named = label(monthRow[start]).split(' ')[0];
    const expected = MONTH_NAMES[Number(months[m].slice(5, 7)) - 1];
    if ((MONTH_NAMES as readonly string[]).includes(named) && named !== expected) {
      throw new AppError(
        'INVALID_INPUT',
        `Bulan ke-${m + 1} pada formulir adalah ${named}, padahal triwulan yang dipilih memuat ${expected}. Periksa triwulan yang dipilih.`,
      );
    }
    return block;
  });
  return { columns, months: blocks, firstDataIndex: partsIndex + 1 };
}

/** A count of days: blank is 0. */
function days(v: RawCell): number | null {
  const text = cleanText(v);
  if (text === '' || text === '-') return 0;
  const n = Number(text.replace(',', '.'));
  return Number.isInteger(n) && n >= 0 && n <= 31 ? n : null;
}

/** "85", "85,5", "85.5%" or an Excel percent cell (0.855) as basis points; null when unreadable or blank. */
export function percentBp(v: RawCell): number | null {
  if (typeof v === 'number') return Math.round((v <= 1 ? v * 100 : v) * 100);
  const text = cleanText(v).replace('%', '').replace(',', '.').trim();
  if (text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 100);
}

function readMonth(cells: RawCell[], at: Layout['months'][number], name: string, problem: (m: string) => void) {
  const raw = MONTH_PARTS.map((p) => cleanText(cells[at[p]]));
  if (raw.every((t) => t === '')) return null;
  const [alpa, izin, sakit, jmlRaw] = MONTH_PARTS.slice(0, 4).map((p) => days(cells[at[p]]));
  if (alpa === null || izin === null || sakit === null || jmlRaw === null) {
    problem(`${name}: ALPA, IZIN, SAKIT dan JML harus bilangan bulat 0-31 hari.`);
    return null;
  }
  const jml = raw[3] === '' ? alpa + izin + sakit : jmlRaw;
  let attendanceBp = percentBp(cells[at['%']]);
  // No absence at all is full attendance even when the school left % blank.
  if (attendanceBp === null && raw[4] === '' && jml === 0) attendanceBp = 10000;
  if (attendanceBp === null) {
    problem(`${name}: persen kehadiran "${raw[4]}" tidak terbaca (isi 0-100).`);
    return null;
  }
  return { alpa, izin, sakit, jml, attendanceBp };
}

const digits = (v: RawCell) => cleanText(v).replace(/^'/, '').replace(/\s/g, '');

/** Parses the form for the quarter's three months (YYYY-MM); every student row is kept, blank lines are not. */
export function parseSchoolForm(rows: SheetRow[], months: readonly string[]): SchoolForm {
  const top = rows.slice(0, 30);
  const npsn = labelled(top, 'NPSN');
  const schoolName = labelled(top, 'NAMA SEKOLAH');
  if (!/^\d{8}$/.test(npsn.replace(/\s/g, ''))) {
    throw new AppError(
      'INVALID_INPUT',
      `NPSN sekolah tidak ditemukan atau bukan 8 digit ("${npsn}") di bagian atas formulir.`,
    );
  }
  const layout = findLayout(rows, months);
  const out: FormRow[] = [];
  const problems: RowProblem[] = [];
  for (const r of rows.slice(layout.firstDataIndex)) {
    const c = r.cells;
    const nikSiswa = digits(c[layout.columns.nikSiswa]);
    const nisn = digits(c[layout.columns.nisn]);
    const namaSiswa = cleanText(c[layout.columns.namaSiswa]).toUpperCase();
    if (nikSiswa === '' && nisn === '' && namaSiswa === '') continue;
    const monthValues = layout.months.map((at, m) =>
      readMonth(c, at, MONTH_NAMES[Number(months[m].slice(5, 7)) - 1], (message) =>
        problems.push({ row: r.row, message }),
      ),
    );
    out.push({
      row: r.row,
      nikPengurus: digits(c[layout.columns.nikPengurus]),
      nikSiswa,
      nisn,
      namaSiswa,
      months: monthValues,
    });
  }
  return { npsn: npsn.replace(/\s/g, ''), schoolName, rows: out, problems };
}

export interface SchoolFormPayload {
  bytes: Uint8Array;
  months: string[];
}

/**
 * Above this size the form is read in the import's worker: a 10,000-row form (about 1.3 MB) took 100-450 ms of the
 * main thread to read and parse, twice (preview and commit), while every other user waited. Smaller forms (a
 * school's few hundred students) are read at once, without a worker's start.
 */
export const WORKER_BYTES = 256 * 1024;

/** Reads and parses the form, in the worker when it is big. */
export async function readSchoolForm(bytes: Buffer, months: readonly string[]): Promise<SchoolForm> {
  if (bytes.length < WORKER_BYTES) return parseSchoolForm(await readSheet(bytes), months);
  const payload: SchoolFormPayload = { bytes: new Uint8Array(bytes), months: [...months] };
  return currentLongJobs().run<SchoolForm>('read-school-form', payload);
}

/** In the worker. */
export async function runReadSchoolForm(payload: SchoolFormPayload): Promise<Outcome> {
  const bytes = Buffer.from(payload.bytes.buffer, payload.bytes.byteOffset, payload.bytes.byteLength);
  return { value: parseSchoolForm(await readSheet(bytes), payload.months) };
}
