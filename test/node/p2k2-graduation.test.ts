/**
 * Graduation sees P2K2: a verification criterion answered from the family's attendance (every session of the
 * Keuangan dan Usaha module; an attendance rate over twelve months) scores like any other, whatever the form sent,
 * and the family's P2K2 summary names its group, attendance and the criteria's answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { criterionSchema } from '../../main/domain/decision';
import { P2K2_OPTIONS } from '../../main/domain/p2k2-criteria';
import type { Actor } from '../../main/services/actor';
import { listCriteria, recordAssessment, saveCriterion } from '../../main/services/graduation/assessments';
import { familyP2k2 } from '../../main/services/p2k2-reports/family';
import { addFamilies, addPendamping, BEST_ANSWERS, insertCandidate, villageOfFamily } from '../support/graduation';
import { addGroup, addMeeting, topicId } from '../support/p2k2-rows';
import { setUpOffice } from './helpers';

const KEUANGAN = ['Mengelola Keuangan Keluarga', 'Cermat Meminjam dan Menabung', 'Memulai Usaha'];
let db: Db;
let admin: Actor;
let families: number[];

beforeAll(async () => {
  ({ db, admin } = await setUpOffice());
  const rina = addPendamping(db, 'RINA SETIAWATI', ['337501']);
  families = addFamilies(db, { count: 3, pendampingId: rina, districtCode: '337501' });
  const village = villageOfFamily(db, families[0]);
  const groupId = addGroup(db, { name: 'MAWAR', villageCode: village, pendampingId: rina, kpmIds: families });
  const [all, twoOfThree, absent] = families;
  KEUANGAN.forEach((name, i) => {
    addMeeting(db, { groupId, topicId: topicId(db, name), heldOn: `2026-0${i + 3}-10` }, [
      { kpmId: all, status: 'hadir', behaviour: 'baik' },
      { kpmId: twoOfThree, status: i === 1 ? 'izin' : 'hadir' },
      { kpmId: absent, status: 'alfa' },
    ]);
  });
  const moduleId = db.$client
    .prepare("SELECT id FROM p2k2_modules WHERE name LIKE 'Pengelolaan Keuangan%'")
    .pluck()
    .get() as number;
  const criterion = (label: string, weight: number, source: unknown) =>
    saveCriterion(
      db,
      admin,
      criterionSchema.parse({
        label,
        weight,
        required: true,
        options: P2K2_OPTIONS,
        active: true,
        sortOrder: 50,
        source,
      }),
    );
  criterion('Hadir di ketiga sesi modul Keuangan dan Usaha', 30, { kind: 'p2k2_module', moduleId });
  criterion('Kehadiran P2K2 paling sedikit 80%', 10, { kind: 'p2k2_rate', minPercent: 80 });
});

const codeOf = (label: string) => listCriteria(db).find((c) => c.label === label)?.code ?? '';

describe('P2K2 criteria', () => {
  it('refuses a P2K2 criterion whose options are not ya and tidak', () => {
    const parsed = criterionSchema.safeParse({
      label: 'Hadir P2K2',
      weight: 10,
      required: true,
      options: [
        { code: 'a', label: 'A', score: 0 },
        { code: 'b', label: 'B', score: 100 },
      ],
      active: true,
      sortOrder: 1,
      source: { kind: 'p2k2_rate', minPercent: 50 },
    });
    expect(parsed.success).toBe(false);
  });

  it('answers from attendance on the visit date, overriding what the form sent', () => {
    const [all, twoOfThree, absent] = families;
    const module = codeOf('Hadir di ketiga sesi modul Keuangan dan Usaha');
    const rate = codeOf('Kehadiran P2K2 paling sedikit 80%');
    const assess = (kpmId: number) =>
      recordAssessment(db, admin, {
        candidateId: insertCandidate(db, kpmId),
        visitDate: '2026-06-15',
        // the form claims the best answers: P2K2's own answers replace them
        answers: { ...BEST_ANSWERS, [module]: 'ya', [rate]: 'ya' },
        notes: '',
      });
    const full = assess(all);
    expect(full.answers).toMatchObject({ [module]: 'ya', [rate]: 'ya' });
    expect(full.score).toBe(100);
    const partial = assess(twoOfThree);
    // 2 of 3 HADIR: the module is not complete, 66.7% is under 80%
    expect(partial.answers).toMatchObject({ [module]: 'tidak', [rate]: 'tidak' });
    const weights = listCriteria(db, { activeOnly: true }).reduce((s, c) => s + c.weight, 0);
    expect(partial.score).toBe(Math.round((100 * (weights - 40)) / weights));
    // before the meetings the window holds nothing: not met
    const early = recordAssessment(db, admin, {
      candidateId: insertCandidate(db, absent),
      visitDate: '2026-02-01',
      answers: BEST_ANSWERS,
      notes: '',
    });
    expect(early.answers).toMatchObject({ [module]: 'tidak', [rate]: 'tidak' });
  });

  it("summarises the family's group, attendance, modules and criteria", () => {
    const criteria = listCriteria(db, { activeOnly: true });
    const summary = familyP2k2(db, families[1], criteria, '2026-06-30');
    expect(summary.group).toMatchObject({ groupName: 'MAWAR', pendampingName: 'RINA SETIAWATI' });
    expect(summary.attendance).toMatchObject({ meetings: 3, hadir: 2, izin: 1, alfa: 0, rate: 66.7 });
    expect(summary.modules.find((m) => m.moduleName.startsWith('Pengelolaan Keuangan'))).toMatchObject({
      topics: 3,
      attended: 2,
    });
    expect(summary.criteria.map((c) => [c.met, c.why])).toEqual([
      [false, 'hadir di 2 dari 3 sesi Pengelolaan Keuangan dan Perencanaan Usaha'],
      [false, 'kehadiran 66,7% (2 dari 3) dalam 12 bulan'],
    ]);
  });
});
