/**
 * Lists of graduated families with a business, for a BLK class or a PENA proposal, as .xlsx (one sheet, through
 * the award report's table writer). A PENA list leaves out families already in PENA; "no training yet" leaves
 * out families with any training referral.
 */
import type { Db } from '../../../db/open';
import { type CandidateRow, candidateRows } from '../../../db/queries/business';
import {
  BUSINESS_DUTIES,
  BUSINESS_TYPE_LABEL,
  type BusinessType,
  type CandidateListFilter,
} from '../../domain/business';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import type { ReportTable } from '../awards/report-tables';
import { tablesXlsx } from '../awards/report-xlsx';

const TITLE = { blk: 'Calon peserta pelatihan BLK', pena: 'Calon penerima PENA' } as const;

export function candidateList(db: Db, actor: Actor, filter: CandidateListFilter): CandidateRow[] {
  requireDuty(actor, BUSINESS_DUTIES.view, 'membuat daftar keluarga graduasi');
  return candidateRows(db, {
    districtCode: filter.districtCode,
    type: filter.type,
    noTrainingYet: filter.noTrainingYet,
    noPenaYet: filter.purpose === 'pena',
    pendampingId: ownPendampingId(actor),
  });
}

export function candidateTable(
  rows: CandidateRow[],
  filter: CandidateListFilter,
  nik: (nik: string) => string,
): ReportTable {
  return {
    sheet: filter.purpose === 'blk' ? 'Calon peserta BLK' : 'Calon penerima PENA',
    heading: TITLE[filter.purpose],
    columns: [
      { header: 'No', kind: 'count' },
      { header: 'NIK', kind: 'code' },
      { header: 'Nama', kind: 'text', wide: true },
      { header: 'Alamat', kind: 'text', wide: true },
      { header: 'Desa/Kelurahan', kind: 'text' },
      { header: 'Kecamatan', kind: 'text' },
      { header: 'Jenis usaha', kind: 'text' },
      { header: 'Mulai usaha', kind: 'date' },
      { header: 'Omzet per bulan', kind: 'money' },
      { header: 'Pendapatan per bulan', kind: 'money' },
      { header: 'Pelatihan', kind: 'count' },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      nik(r.nik),
      r.nama,
      r.alamat,
      r.desa,
      r.kecamatan,
      BUSINESS_TYPE_LABEL[r.type as BusinessType],
      r.startDate,
      r.turnover,
      r.income,
      r.trainings,
    ]),
  };
}

export async function candidateListXlsx(
  db: Db,
  actor: Actor,
  filter: CandidateListFilter,
  nik: (nik: string) => string,
): Promise<{ fileName: string; base64: string; rows: number }> {
  const rows = candidateList(db, actor, filter);
  const base64 = await tablesXlsx([candidateTable(rows, filter, nik)]);
  return {
    fileName: `${filter.purpose === 'blk' ? 'calon-peserta-BLK' : 'calon-penerima-PENA'}.xlsx`,
    base64,
    rows: rows.length,
  };
}
