/**
 * The school attendance form: a preview that matches every student row to a member (by NIK SISWA, then NISN)
 * and lists the rows it cannot match with their row number and why, then a commit that writes the matched
 * months all or nothing with its audit. The commit names the file the preview read (its SHA-256) and re-reads
 * it, so what is written is what was shown.
 */
import { createHash } from 'node:crypto';
import { type Db, inTransaction } from '../../../db/open';
import { educationRowsOfImport, educationWriter, memberLookups } from '../../../db/queries/verkom';
import { verkomImports } from '../../../db/schema';
import { VERKOM_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { meetsThreshold, quarterLabel, quarterMonths, type SchoolFormInput } from '../../domain/verkom';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { type FormRow, type RowProblem, readSchoolForm, type SchoolForm } from './school-form';
import { thresholdBp } from './settings';

export interface MatchedRow {
  row: number;
  artId: number;
  kpmId: number;
  namaSiswa: string;
  months: FormRow['months'];
  /** How many of the quarter's months fall below the threshold. */
  monthsBelow: number;
}

export interface SchoolFormPreview {
  sha256: string;
  npsn: string;
  schoolName: string;
  months: string[];
  quarterText: string;
  rows: number;
  matched: number;
  /** Rows that match no member: listed, never dropped. */
  unmatched: RowProblem[];
  /** Month cells that could not be read. */
  problems: RowProblem[];
  /** Matched students below the threshold in at least one month. */
  belowThreshold: number;
  thresholdPercent: number;
}

interface Matched {
  preview: SchoolFormPreview;
  matchedRows: MatchedRow[];
}

function why(r: FormRow): string {
  if (r.nikSiswa === '' && r.nisn === '') return 'NIK siswa dan NISN kosong.';
  const nik = r.nikSiswa === '' ? 'NIK siswa kosong' : `NIK siswa ${r.nikSiswa} tidak terdaftar`;
  const nisn = r.nisn === '' ? 'NISN kosong' : `NISN ${r.nisn} tidak terdaftar`;
  return `${nik} dan ${nisn} sebagai anggota keluarga PKH (${r.namaSiswa || 'tanpa nama'}).`;
}

/**
 * The last form read, by its bytes' SHA-256 and the quarter's months: the commit of the form just previewed takes
 * the same parse instead of reading 10,000 rows again (a worker's start and 100-450 ms). The same bytes always
 * parse the same, so nothing of the integrity is lost; the matching is done again against the registry as it is.
 */
let lastRead: { key: string; form: SchoolForm } | null = null;

async function formOf(bytes: Buffer, sha256: string, months: readonly string[]): Promise<SchoolForm> {
  const key = `${sha256}:${months.join(',')}`;
  if (lastRead?.key === key) return lastRead.form;
  const form = await readSchoolForm(bytes, months);
  lastRead = { key, form };
  return form;
}

/** Reads and matches the form; writes nothing. */
export async function matchSchoolForm(db: Db, input: SchoolFormInput): Promise<Matched> {
  const bytes = Buffer.from(input.base64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const months = quarterMonths(input.year, input.quarter);
  const form = await formOf(bytes, sha256, months);
  const threshold = thresholdBp(db);
  const lookups = memberLookups(db);
  const matchedRows: MatchedRow[] = [];
  const unmatched: RowProblem[] = [];
  const seen = new Map<number, number>();
  for (const r of form.rows) {
    const member =
      (/^\d{16}$/.test(r.nikSiswa) ? lookups.byNik(r.nikSiswa) : undefined) ??
      (/^\d{10}$/.test(r.nisn) ? lookups.byNisn(r.nisn) : undefined);
    if (!member) {
      unmatched.push({ row: r.row, message: why(r) });
      continue;
    }
    const earlier = seen.get(member.artId);
    if (earlier !== undefined) {
      unmatched.push({
        row: r.row,
        message: `Siswa ${member.nama} sudah ada pada baris ${earlier}; baris ini tidak dipakai.`,
      });
      continue;
    }
    seen.set(member.artId, r.row);
    const monthsBelow = r.months.filter((m) => m !== null && !meetsThreshold(m.attendanceBp, threshold)).length;
    matchedRows.push({
      row: r.row,
      artId: member.artId,
      kpmId: member.kpmId,
      namaSiswa: r.namaSiswa,
      months: r.months,
      monthsBelow,
    });
  }
  return {
    matchedRows,
    preview: {
      sha256,
      npsn: form.npsn,
      schoolName: form.schoolName,
      months: [...months],
      quarterText: quarterLabel(input.year, input.quarter),
      rows: form.rows.length,
      matched: matchedRows.length,
      unmatched,
      problems: form.problems,
      belowThreshold: matchedRows.filter((m) => m.monthsBelow > 0).length,
      thresholdPercent: threshold / 100,
    },
  };
}

export async function previewSchoolForm(db: Db, actor: Actor, input: SchoolFormInput): Promise<SchoolFormPreview> {
  requireDuty(actor, VERKOM_DUTIES.import, 'mengimpor daftar hadir sekolah');
  return (await matchSchoolForm(db, input)).preview;
}

export interface SchoolFormCommitted {
  importId: number;
  matched: number;
  unmatched: number;
  monthsWritten: number;
}

/** Writes every matched student's months in one transaction, or nothing. */
export async function commitSchoolForm(
  db: Db,
  actor: Actor,
  input: SchoolFormInput & { sha256: string },
  now: Date = new Date(),
): Promise<SchoolFormCommitted> {
  requireDuty(actor, VERKOM_DUTIES.import, 'mengimpor daftar hadir sekolah');
  const { preview, matchedRows } = await matchSchoolForm(db, input);
  if (preview.sha256 !== input.sha256) {
    throw new AppError('CONFLICT', 'Berkas berbeda dari yang dipratinjau. Pratinjau ulang berkas sebelum menyimpan.');
  }
  const months = preview.months;
  return inTransaction(db, () => {
    const imp = db
      .insert(verkomImports)
      .values({
        fileName: input.fileName,
        fileSha256: preview.sha256,
        npsn: preview.npsn,
        schoolName: preview.schoolName,
        year: input.year,
        quarter: input.quarter,
        rows: preview.rows,
        matched: preview.matched,
        unmatched: preview.unmatched.length,
        createdBy: actor.id,
        createdAt: now.toISOString(),
      })
      .returning({ id: verkomImports.id })
      .get();
    const write = educationWriter(db);
    let written = 0;
    for (const r of matchedRows) {
      r.months.forEach((m, i) => {
        if (!m) return;
        written += write({
          ...m,
          artId: r.artId,
          kpmId: r.kpmId,
          month: months[i],
          npsn: preview.npsn,
          importId: imp.id,
        });
      });
    }
    // Integrity: every month written is read back under this import, or the whole form is rolled back.
    if (educationRowsOfImport(db, imp.id) !== written) {
      throw new AppError(
        'INTERNAL',
        'Pemeriksaan keutuhan gagal: jumlah bulan tersimpan berbeda; tidak ada yang disimpan.',
      );
    }
    writeAudit(db, actor, {
      action: 'import',
      entity: 'verkom_import',
      entityId: imp.id,
      summary: `Daftar hadir ${preview.schoolName} (NPSN ${preview.npsn}) ${preview.quarterText}: ${formatNumber(preview.matched)} siswa cocok, ${formatNumber(preview.unmatched.length)} tidak cocok`,
      before: null,
      after: { importId: imp.id, fileName: input.fileName, sha256: preview.sha256, monthsWritten: written },
    });
    return { importId: imp.id, matched: preview.matched, unmatched: preview.unmatched.length, monthsWritten: written };
  });
}
