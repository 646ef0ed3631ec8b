/**
 * The quarter's non-compliant families as files: an .xlsx and an A4 list under the kop through the PDF worker,
 * from one table (awards' ReportTable) like the P2K2 report. NIK masked unless the role sees it in full.
 */
import type { Db } from '../../../db/open';
import { formatTanggal, todayIso } from '../../domain/format';
import { maskNik } from '../../domain/identity';
import type { QuarterInput } from '../../domain/verkom';
import { renderReportInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { printedTables } from '../awards/report-pdf';
import type { ReportTable } from '../awards/report-tables';
import { tablesXlsx } from '../awards/report-xlsx';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { seesFullNik } from '../security-settings';
import { type QuarterNonCompliance, quarterNonCompliance } from './quarter';

const NOTES = (q: QuarterNonCompliance) => [
  `Pendidikan: bulan dengan kehadiran di bawah ${q.thresholdPercent}% hari efektif, menurut daftar hadir sekolah.`,
  'Kesehatan: pemeriksaan (posyandu, kehamilan, lanjut usia, disabilitas) yang dicatat tidak hadir.',
];

function table(db: Db, actor: Actor, q: QuarterNonCompliance): ReportTable {
  const nik = seesFullNik(db, actor.role) ? (n: string) => n : maskNik;
  return {
    sheet: 'Tidak memenuhi komitmen',
    heading: `KPM tidak memenuhi komitmen ${q.quarterText}`,
    columns: [
      { header: 'Pendamping', kind: 'text', wide: true },
      { header: 'Nama pengurus', kind: 'text', wide: true },
      { header: 'NIK', kind: 'code' },
      { header: 'Bulan pendidikan tidak terpenuhi', kind: 'count' },
      { header: 'Pemeriksaan kesehatan tidak hadir', kind: 'count' },
      { header: 'Bulan', kind: 'text' },
    ],
    rows: q.families.map((f) => [
      f.pendampingName ?? '(tanpa pendamping)',
      f.nama,
      nik(f.nik),
      f.educationMissed,
      f.healthMissed,
      f.months,
    ]),
    total: ['Jumlah KPM', String(q.families.length), null, null, null, null],
  };
}

const fileName = (q: QuarterInput, ext: string) => `kpm-tidak-memenuhi-komitmen-${q.year}-tw${q.quarter}.${ext}`;

export async function nonComplianceXlsx(db: Db, actor: Actor, input: QuarterInput) {
  const q = quarterNonCompliance(db, actor, input);
  return {
    fileName: fileName(input, 'xlsx'),
    base64: await tablesXlsx([table(db, actor, q)]),
    rows: q.families.length,
  };
}

export async function nonCompliancePdf(
  db: Db,
  actor: Actor,
  input: QuarterInput,
  today = todayIso(),
): Promise<DigestedPdf> {
  const q = quarterNonCompliance(db, actor, input);
  const rendered = await renderReportInWorker({
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: 'Daftar KPM Tidak Memenuhi Komitmen',
    subtitle: [q.quarterText, `Keadaan per ${formatTanggal(today)}`],
    date: today,
    tables: printedTables([table(db, actor, q)]),
    notes: NOTES(q),
  });
  return { fileName: fileName(input, 'pdf'), ...rendered };
}
