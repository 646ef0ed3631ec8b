/**
 * One family's P2K2 as the family page and the verification form show it: its group now, attendance and ratings
 * over the last twelve months, the modules it completed, and the answers of the office's P2K2 criteria, which
 * recordAssessment takes from here instead of from the verifikator.
 */
import type { Db } from '../../../db/open';
import {
  type FamilyAttendanceRow,
  type FamilyGroupRow,
  familyAttendance,
  familyGroup,
  familyMeetings,
  familyModules,
} from '../../../db/queries/p2k2-family';
import type { Criterion } from '../../domain/assessment';
import { addMonths } from '../../domain/dates';
import { P2K2_MET, P2K2_NOT_MET, type P2k2Source } from '../../domain/p2k2-criteria';
import { attendanceRate } from '../../domain/p2k2-reports';

/** The day after `months` months before `date`: the window of the last months, `date` included. */
const windowStart = (date: string, months: number) => addMonths(date, -months);

export interface FamilyP2k2 {
  group: FamilyGroupRow | null;
  /** The last twelve months up to `asOf`. */
  asOf: string;
  attendance: FamilyAttendanceRow & { rate: number | null };
  meetings: ReturnType<typeof familyMeetings>;
  modules: ReturnType<typeof familyModules>;
  /** The active P2K2 criteria, answered. */
  criteria: { code: string; label: string; met: boolean; why: string }[];
}

/** Whether the family meets a P2K2 criterion's condition on `date`, with the figure it rests on. */
function judge(db: Db, kpmId: number, source: P2k2Source, date: string): { met: boolean; why: string } {
  if (source.kind === 'p2k2_module') {
    const module = familyModules(db, kpmId).find((m) => m.moduleId === source.moduleId);
    if (!module) return { met: false, why: 'modul tidak aktif' };
    return {
      met: module.topics > 0 && module.attended >= module.topics,
      why: `hadir di ${module.attended} dari ${module.topics} sesi ${module.moduleName}`,
    };
  }
  const a = familyAttendance(db, kpmId, windowStart(date, source.months), date);
  const marked = a.hadir + a.izin + a.sakit + a.alfa;
  const rate = attendanceRate(a.hadir, marked);
  return {
    met: rate !== null && rate >= source.minPercent,
    why:
      rate === null
        ? `belum ada kehadiran tercatat dalam ${source.months} bulan`
        : `kehadiran ${String(rate).replace('.', ',')}% (${a.hadir} dari ${marked}) dalam ${source.months} bulan`,
  };
}

/** The answers (criterion code -> 'ya' or 'tidak') of the criteria with a P2K2 source, on `date`. */
export function p2k2Answers(
  db: Db,
  kpmId: number,
  criteria: readonly Criterion[],
  date: string,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const c of criteria) {
    if (c.source) answers[c.code] = judge(db, kpmId, c.source, date).met ? P2K2_MET : P2K2_NOT_MET;
  }
  return answers;
}

export function familyP2k2(db: Db, kpmId: number, criteria: readonly Criterion[], asOf: string): FamilyP2k2 {
  const attendance = familyAttendance(db, kpmId, windowStart(asOf, 12), asOf);
  const marked = attendance.hadir + attendance.izin + attendance.sakit + attendance.alfa;
  return {
    group: familyGroup(db, kpmId) ?? null,
    asOf,
    attendance: { ...attendance, rate: attendanceRate(attendance.hadir, marked) },
    meetings: familyMeetings(db, kpmId, 12),
    modules: familyModules(db, kpmId),
    criteria: criteria.flatMap((c) =>
      c.source ? [{ code: c.code, label: c.label, ...judge(db, kpmId, c.source, asOf) }] : [],
    ),
  };
}
