/**
 * P2K2's reports: sessions and attendance per kelompok, desa, kecamatan and pendamping (page, xlsx, PDF), the
 * absence follow-up list and its warnings, and a meeting's texts and participants for SIKS-NG. Every role reads;
 * recording a warning is P2K2's recording duty.
 */
import { p2k2AbsenceSchema, p2k2MeetingRefSchema, p2k2ReportSchema, p2k2WarnSchema } from '../domain/p2k2-reports';
import type { PdfFile } from '../services/documents/types';
import type { AbsenceList } from '../services/p2k2-reports/absence';
import type { FamilyP2k2 } from '../services/p2k2-reports/family';
import type { P2k2Report } from '../services/p2k2-reports/report';
import type { SiksDraft } from '../services/p2k2-reports/siks';
import { id, method } from './method';

export type { AbsenceList, AbsentFamily } from '../services/p2k2-reports/absence';
export type { FamilyP2k2 } from '../services/p2k2-reports/family';
export type { P2k2AreaRow, P2k2MonthRow, P2k2Report } from '../services/p2k2-reports/report';
export type { SiksDraft } from '../services/p2k2-reports/siks';

type XlsxFile = { fileName: string; base64: string; rows: number };

export const p2k2ReportsContract = {
  'p2k2Reports.report': method<P2k2Report>()(p2k2ReportSchema, { duty: 'p2k2.view' }),
  'p2k2Reports.reportXlsx': method<XlsxFile>()(p2k2ReportSchema, { duty: 'p2k2.view', file: 'logged' }),
  'p2k2Reports.reportPdf': method<PdfFile>()(p2k2ReportSchema, { duty: 'p2k2.view', file: 'logged' }),
  /** Families ALFA two consecutive months, per pendamping, with the warning given for each period. */
  'p2k2Reports.absence': method<AbsenceList>()(p2k2AbsenceSchema, { duty: 'p2k2.view' }),
  /** Records the warning of one family and absence period and prints its surat teguran. */
  'p2k2Reports.warn': method<{ warningId: number; pdf: PdfFile }>()(p2k2WarnSchema, {
    duty: 'p2k2.record',
    file: 'logged',
  }),
  /** A family's group, attendance, modules and P2K2 criteria (family page, verification form). */
  'p2k2Reports.family': method<FamilyP2k2>()(id, { duty: 'p2k2.viewOwn' }),
  'p2k2Reports.siks': method<SiksDraft>()(p2k2MeetingRefSchema, { duty: 'p2k2.view' }),
  'p2k2Reports.siksXlsx': method<XlsxFile>()(p2k2MeetingRefSchema, { duty: 'p2k2.view', file: 'logged' }),
} as const;
