/**
 * One pendamping's report for a period, to attach to their monthly performance report: their
 * families, the year's graduation target and result, graduations per month, candidates, visits and awards, and their
 * groups' P2K2 sessions. The
 * figures are the per-pendamping area report limited to them (the same code, the same SQL with one more
 * condition), so the two never disagree.
 */
import type { Db } from '../../../db/open';
import { pendampingDistrictNames, pendampingHeading } from '../../../db/queries/reports';
import { AppError } from '../../domain/errors';
import type { PendampingReportInput, Period } from '../../domain/reports';
import { type P2k2Report, p2k2Report } from '../p2k2-reports/report';
import { type AreaRow, areaReport, emptyRow, type MonthRow } from './area';

export interface PendampingReport {
  pendamping: { id: number; name: string; nip: string | null; active: boolean; districts: string[] };
  period: Period;
  periodLabel: string;
  row: AreaRow;
  months: MonthRow[];
  /** Their groups' P2K2 sessions, attendance and ratings in the period. */
  p2k2: P2k2Report;
}

function pendampingOf(db: Db, id: number): PendampingReport['pendamping'] {
  const row = pendampingHeading(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND', `Pendamping nomor ${id} tidak ditemukan.`, {
      fields: { pendampingId: 'Pilih pendamping dari daftar.' },
    });
  }
  const districts = pendampingDistrictNames(db, id);
  return { id: row.id, name: row.name, nip: row.nip, active: row.active === 1, districts };
}

export function pendampingReport(db: Db, input: PendampingReportInput): PendampingReport {
  const pendamping = pendampingOf(db, input.pendampingId);
  const period = { year: input.year, fromMonth: input.fromMonth, toMonth: input.toMonth };
  const key = String(pendamping.id);
  const own = areaReport(db, { ...period, group: 'pendamping' }, { pendampingId: pendamping.id });
  return {
    pendamping,
    period,
    periodLabel: own.periodLabel,
    row: own.rows.find((r) => r.key === key) ?? emptyRow(key, pendamping.name),
    months: own.months,
    p2k2: p2k2Report(db, { ...period, area: 'kelompok', pendampingId: pendamping.id }),
  };
}
