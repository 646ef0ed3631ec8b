/**
 * The family data report (UU PDP: a family may ask what is stored about it): everything stored about one family,
 * printed A4 portrait under the kop with who printed it and when. Only for roles that see NIKs in full (it shows them),
 * and every print is audited ('cetak_data_pribadi') once the PDF is made: a failed render logs nothing, and a print
 * that cannot be logged (an import holds the database) is not handed out.
 */
import type { Db } from '../../../db/open';
import type { PrintedReport } from '../../documents/report';
import { AppError } from '../../domain/errors';
import { formatWaktu } from '../../domain/format';
import { renderReportInWorker } from '../../workers/pdf';
import type { Actor } from '../actor';
import { PRIVACY_REPORT_ACTION, writeAudit } from '../audit';
import { getUser } from '../auth';
import { buildKop } from '../documents/context';
import { getDocumentSettings, requireOffice } from '../documents/settings';
import type { DigestedPdf } from '../documents/types';
import { fileNamePart } from '../file-names';
import { getKpm } from '../kpm';
import { seesFullNik } from '../security-settings';
import {
  awardsTable,
  documentsTable,
  familyTable,
  graduationTables,
  historyTables,
  membersTable,
  proposalTable,
  visitsTable,
} from './family-report-tables';

export async function familyDataReport(db: Db, actor: Actor, kpmId: number, now = new Date()): Promise<DigestedPdf> {
  if (!seesFullNik(db, actor.role)) {
    throw new AppError('FORBIDDEN', 'Laporan data pribadi memuat NIK lengkap: peran Anda tidak dapat mencetaknya.');
  }
  const detail = getKpm(db, kpmId);
  const printedBy = (actor.id !== null && getUser(db, actor.id)?.fullName) || actor.username;
  const report: PrintedReport = {
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    title: 'Laporan Data Pribadi Keluarga',
    subtitle: [
      `${detail.kpm.nama}${detail.kpm.idKpm ? ` (ID KPM ${detail.kpm.idKpm})` : ''}`,
      `Dicetak oleh ${printedBy} pada ${formatWaktu(now.toISOString())}`,
    ],
    date: now.toISOString(),
    orientation: 'portrait',
    tables: [
      familyTable(db, detail),
      membersTable(detail),
      ...graduationTables(db, kpmId),
      proposalTable(db, kpmId),
      documentsTable(db, kpmId),
      awardsTable(db, kpmId),
      visitsTable(db, kpmId),
      ...historyTables(db, kpmId),
    ],
  };
  const { base64, sha256, pages } = await renderReportInWorker(report);
  writeAudit(db, actor, {
    action: PRIVACY_REPORT_ACTION,
    entity: 'kpm',
    entityId: kpmId,
    summary: `Laporan data pribadi keluarga ${detail.kpm.nama} dicetak (${pages} halaman)`,
  });
  return { fileName: `data-pribadi-${fileNamePart(detail.kpm.nama)}.pdf`, base64, sha256, pages };
}
