/**
 * The year's plan (RTL) printed per desa, as pendamping hand it in: one row per materi in teaching order, one column
 * per group of the desa with the planned date and its week of the month. Laid out by the report layout in the PDF
 * worker, under the office's kop; no family data, so no register number.
 */
import type { Db } from '../../../db/open';
import { allTopics, villagePlans } from '../../../db/queries/p2k2-curriculum';
import { regionName } from '../../../db/queries/p2k2-groups';
import type { PrintedReport } from '../../documents/report';
import { AppError } from '../../domain/errors';
import { formatTanggal, todayIso } from '../../domain/format';
import { renderReportInWorker } from '../../workers/pdf';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { PdfFile } from '../documents/types';
import { villageNamed } from './group-rules';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "10 Mar (mg 2)": the day, the month and the week of the month the materi is planned in. */
export function plannedCell(iso: string): string {
  const day = Number(iso.slice(8, 10));
  return `${day} ${MONTHS[Number(iso.slice(5, 7)) - 1]} (mg ${Math.ceil(day / 7)})`;
}

/** The printed plan's report: a table of materi by group; topics no group planned and switched off are left out. */
export function planReport(db: Db, villageCode: string, year: number, today = todayIso()): PrintedReport {
  const village = villageNamed(db, villageCode);
  const district = regionName(db, villageCode.slice(0, 6))?.name ?? '';
  const { groups, dates } = villagePlans(db, villageCode, year);
  if (groups.length === 0) throw new AppError('NOT_FOUND', `Belum ada kelompok P2K2 aktif di ${village}.`);
  const planned = new Map(dates.map((d) => [`${d.groupId}:${d.topicId}`, d.plannedOn]));
  const topics = allTopics(db).filter(
    (t) => (t.active && t.moduleActive) || groups.some((g) => planned.has(`${g.id}:${t.id}`)),
  );
  return {
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: `RENCANA TINDAK LANJUT (RTL) P2K2 TAHUN ${year}`,
    subtitle: [`Desa/Kelurahan ${village}, Kecamatan ${district}`, `Dicetak ${formatTanggal(today)}`],
    date: today,
    tables: [
      {
        heading: `Jadwal materi per kelompok (${groups.length} kelompok)`,
        columns: [
          { label: 'No', align: 'right', noWrap: true, wide: false },
          { label: 'Modul', align: 'left', noWrap: false, wide: false },
          { label: 'Materi', align: 'left', noWrap: false, wide: true },
          ...groups.map((g) => ({ label: g.name, align: 'left' as const, noWrap: true, wide: false })),
        ],
        rows: topics.map((t, i) => [
          String(i + 1),
          t.moduleName,
          t.name,
          ...groups.map((g) => {
            const on = planned.get(`${g.id}:${t.id}`);
            return on ? plannedCell(on) : '-';
          }),
        ]),
      },
    ],
  };
}

export async function planPdf(db: Db, villageCode: string, year: number, today = todayIso()): Promise<PdfFile> {
  const report = planReport(db, villageCode, year, today);
  const { base64, pages } = await renderReportInWorker(report);
  return { fileName: `rtl-p2k2-${villageCode}-${year}.pdf`, base64, pages };
}
