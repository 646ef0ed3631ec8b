/** The curriculum the administrator keeps, and the year's plan whose out-of-order dates are warnings, not refusals. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/domain/errors';
import { groupCreateSchema, planSaveSchema } from '../../main/domain/p2k2-forms';
import type { Actor } from '../../main/services/actor';
import { historyOf } from '../../main/services/audit';
import {
  addCurriculum,
  listCurriculum,
  renameCurriculum,
  setCurriculumActive,
} from '../../main/services/p2k2/curriculum';
import { createGroup } from '../../main/services/p2k2/groups';
import { getPlan, orderWarnings, savePlan } from '../../main/services/p2k2/plan';
import { addFamilies, addPendamping } from '../support/graduation';
import { setUpOffice } from './helpers';

const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };
const PIMPINAN: Actor = { id: null, username: 'pimpinan', role: 'pimpinan' };

async function office() {
  const { db, admin } = await setUpOffice();
  const families = addFamilies(db, { count: 10, pendampingId: addPendamping(db, 'RINA'), districtCode: '337501' });
  const village =
    (db.$client.prepare('SELECT village_code FROM kpm WHERE id = ?').pluck().get(families[0]) as string) ?? '';
  const groupId = createGroup(
    db,
    OPERATOR,
    groupCreateSchema.parse({ name: 'Mawar', villageCode: village, kpmIds: families }),
  ).id;
  const topics = listCurriculum(db).flatMap((m) => m.topics);
  return { db, admin, groupId, topics };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the curriculum', () => {
  it('is preloaded with 6 modules and 29 topics in teaching order', async () => {
    const { db } = await office();
    const modules = listCurriculum(db);
    expect(modules.map((m) => m.topics.length)).toEqual([4, 3, 3, 2, 2, 15]);
    expect(modules[1].topics.map((t) => t.name)).toEqual([
      'Mengelola Keuangan Keluarga',
      'Cermat Meminjam dan Menabung',
      'Memulai Usaha',
    ]);
  });

  it('is renamed, added to and switched off by the administrator only, each change audited', async () => {
    const { db, admin, topics } = await office();
    expect(refusal(() => renameCurriculum(db, OPERATOR, { kind: 'topic', id: topics[0].id, name: 'X' })).code).toBe(
      'FORBIDDEN',
    );
    renameCurriculum(db, admin, { kind: 'topic', id: topics[0].id, name: 'Menjadi Orang Tua Hebat' });
    const added = addCurriculum(db, admin, { moduleName: 'Materi tambahan', name: 'P2K2 adaptif' });
    expect(added.at(-1)?.topics.map((t) => t.name)).toEqual(['P2K2 adaptif']);
    const off = setCurriculumActive(db, admin, { kind: 'topic', id: topics[1].id, active: false });
    expect(off[0].topics.map((t) => [t.name, t.active])[0]).toEqual(['Menjadi Orang Tua Hebat', true]);
    expect(off[0].topics[1].active).toBe(false);
    expect(historyOf(db, 'p2k2_topic', topics[0].id)[0].summary).toContain(
      'diganti nama menjadi "Menjadi Orang Tua Hebat"',
    );
    expect(
      refusal(() => addCurriculum(db, admin, { moduleId: added[0].id, name: 'menjadi orang tua hebat' })).code,
    ).toBe('DUPLICATE');
  });
});

describe("the year's plan", () => {
  it('warns, without refusing, about a topic dated before one that comes earlier', async () => {
    const { db, groupId, topics } = await office();
    const input = planSaveSchema.parse({
      groupId,
      year: 2027,
      dates: [
        { topicId: topics[0].id, plannedOn: '2027-01-12' },
        { topicId: topics[1].id, plannedOn: '2027-03-09' },
        { topicId: topics[2].id, plannedOn: '2027-02-09' },
      ],
    });
    const saved = savePlan(db, OPERATOR, input);
    expect(saved.saved).toBe(3);
    expect(saved.warnings).toEqual([
      {
        topicId: topics[2].id,
        message: `"${topics[2].name}" direncanakan 9 Februari 2027, sebelum "${topics[1].name}" (9 Maret 2027) yang urutannya lebih dulu.`,
      },
    ]);
    const plan = getPlan(db, groupId, 2027);
    expect(plan.rows).toHaveLength(29);
    expect(plan.rows.slice(0, 3).map((r) => r.plannedOn)).toEqual(['2027-01-12', '2027-03-09', '2027-02-09']);
    expect(historyOf(db, 'p2k2_group', groupId)[0].summary).toContain('1 tidak berurutan');
    // Clearing a date removes it from the plan, and with it the warning.
    const fixed = savePlan(db, OPERATOR, { ...input, dates: [{ topicId: topics[2].id, plannedOn: null }] });
    expect([fixed.saved, fixed.warnings]).toEqual([2, []]);
  });

  it('compares each date with the latest before it, across modules', () => {
    const row = (position: number, plannedOn: string | null) => ({
      topicId: position,
      topicName: `S${position}`,
      position,
      plannedOn,
    });
    expect(
      orderWarnings([row(5, '2027-05-01'), row(1, '2027-01-01'), row(9, '2027-04-01'), row(12, '2027-06-01')]),
    ).toEqual([
      { topicId: 9, message: '"S9" direncanakan 1 April 2027, sebelum "S5" (1 Mei 2027) yang urutannya lebih dulu.' },
    ]);
    expect(orderWarnings([row(1, null), row(2, '2027-01-01'), row(3, '2027-01-01')])).toEqual([]);
  });

  it('refuses a date outside the year and a reader saving it', async () => {
    const { db, groupId, topics } = await office();
    const wrongYear = planSaveSchema.parse({
      groupId,
      year: 2027,
      dates: [{ topicId: topics[0].id, plannedOn: '2028-01-05' }],
    });
    expect(refusal(() => savePlan(db, OPERATOR, wrongYear)).fields).toEqual({
      'dates.0.plannedOn': `Tanggal ${topics[0].name} harus di tahun 2027.`,
    });
    const fine = { ...wrongYear, dates: [{ topicId: topics[0].id, plannedOn: '2027-01-05' }] };
    expect(refusal(() => savePlan(db, PIMPINAN, fine)).code).toBe('FORBIDDEN');
    expect(getPlan(db, groupId, 2027).rows.every((r) => r.plannedOn === null)).toBe(true);
  });

  it('hides a switched-off topic unless it was planned', async () => {
    const { db, admin, groupId, topics } = await office();
    savePlan(
      db,
      OPERATOR,
      planSaveSchema.parse({ groupId, year: 2027, dates: [{ topicId: topics[0].id, plannedOn: '2027-01-05' }] }),
    );
    setCurriculumActive(db, admin, { kind: 'topic', id: topics[0].id, active: false });
    setCurriculumActive(db, admin, { kind: 'topic', id: topics[1].id, active: false });
    const rows = getPlan(db, groupId, 2027).rows;
    expect(rows).toHaveLength(28);
    expect(rows[0]).toMatchObject({ topicId: topics[0].id, active: false, plannedOn: '2027-01-05' });
  });
});
