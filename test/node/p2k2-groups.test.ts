/** P2K2 groups: families of one desa, one group at a time with their history, made by hand, by filter or by split. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { AppError } from '../../main/domain/errors';
import { groupCreateSchema, groupSplitSchema, groupUpdateSchema } from '../../main/domain/p2k2-forms';
import { type Actor, SYSTEM_ACTOR } from '../../main/services/actor';
import { historyOf } from '../../main/services/audit';
import { addMembers, moveMember, removeMember, splitSizes, splitVillage } from '../../main/services/p2k2/group-members';
import { createGroup, getGroup, listGroups, updateGroup } from '../../main/services/p2k2/groups';
import { addFamilies, addPendamping } from '../support/graduation';
import { setUpOffice } from './helpers';

const OPERATOR: Actor = { id: null, username: 'operator', role: 'operator' };
const VERIFIKATOR: Actor = { id: null, username: 'verif', role: 'verifikator' };
const PIMPINAN: Actor = { id: null, username: 'pimpinan', role: 'pimpinan' };
const TODAY = '2026-03-02';

function villageOf(db: Db, kpmId: number): string {
  return (db.$client.prepare('SELECT village_code FROM kpm WHERE id = ?').get(kpmId) as { village_code: string })
    .village_code;
}

async function office(count = 35) {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const families = addFamilies(db, { count, pendampingId: rina, districtCode: '337501' });
  const elsewhere = addFamilies(db, { count: 2, pendampingId: rina, districtCode: '337502' });
  return { db, admin, rina, families, elsewhere, village: villageOf(db, families[0]) };
}

const group = (village: string, extra: Record<string, unknown> = {}) =>
  groupCreateSchema.parse({
    name: 'Mawar',
    villageCode: village,
    meetingPlace: 'Balai desa',
    meetingDay: 'selasa',
    ...extra,
  });

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('making a group by hand', () => {
  it('keeps families of one desa with a ketua from among them, and audits the group', async () => {
    const { db, rina, families, village } = await office();
    const input = group(village, { kpmIds: families.slice(0, 12), pendampingId: rina, leaderKpmId: families[3] });
    const saved = createGroup(db, OPERATOR, input, TODAY);
    expect(saved.warnings).toEqual([]);
    const detail = getGroup(db, OPERATOR, saved.id);
    expect(detail.members.map((m) => m.kpmId).sort()).toEqual(families.slice(0, 12).sort());
    expect(detail.members.every((m) => m.joinedOn === TODAY && m.leftOn === null)).toBe(true);
    expect([detail.leaderKpmId, detail.pendampingName, detail.memberCount]).toEqual([families[3], 'RINA', 12]);
    expect(historyOf(db, 'p2k2_group', saved.id)[0].summary).toContain('dibuat');
  });

  it('warns above 30 families and below 10, and never refuses for size', async () => {
    const { db, families, village } = await office();
    const big = createGroup(db, OPERATOR, group(village, { kpmIds: families.slice(0, 31) }), TODAY);
    expect(big.warnings).toEqual(['Kelompok Mawar beranggota 31 KPM, lebih dari 30 yang dianjurkan.']);
    const small = createGroup(db, OPERATOR, group(village, { name: 'Melati', kpmIds: families.slice(31, 34) }), TODAY);
    expect(small.warnings[0]).toContain('kurang dari 10');
  });

  it('refuses a family of another desa, a family already in a group, a ketua from outside, and writes nothing', async () => {
    const { db, families, elsewhere, village } = await office();
    const other = refusal(() =>
      createGroup(db, OPERATOR, group(village, { kpmIds: [families[0], elsewhere[0]] }), TODAY),
    );
    expect(other.message).toMatch(/IBU UJI \d+: bukan warga desa kelompok ini/);
    createGroup(db, OPERATOR, group(village, { kpmIds: families.slice(0, 10) }), TODAY);
    const twice = refusal(() =>
      createGroup(db, OPERATOR, group(village, { name: 'Melati', kpmIds: [families[0], families[20]] }), TODAY),
    );
    expect(twice.message).toContain('sudah anggota kelompok Mawar');
    const leader = refusal(() =>
      createGroup(
        db,
        OPERATOR,
        group(village, { name: 'Anggrek', kpmIds: [families[20]], leaderKpmId: families[21] }),
        TODAY,
      ),
    );
    expect(leader.fields).toEqual({ leaderKpmId: 'Pilih ketua dari anggota kelompok.' });
    expect(listGroups(db, SYSTEM_ACTOR, { ...listAll, villageCode: village }).total).toBe(1);
    const duplicate = refusal(() => createGroup(db, OPERATOR, group(village, { name: 'mawar' }), TODAY));
    expect(duplicate.code).toBe('DUPLICATE');
  });

  it("takes a desa's families without a group from the KPM list's filter", async () => {
    const { db, families, village } = await office(14);
    createGroup(db, OPERATOR, group(village, { kpmIds: families.slice(0, 4) }), TODAY);
    const filter = { q: '', districtCode: '337501' };
    const saved = createGroup(db, OPERATOR, group(village, { name: 'Melati', filter }), TODAY);
    const members = getGroup(db, OPERATOR, saved.id).members.map((m) => m.kpmId);
    expect(members.sort()).toEqual(families.slice(4).sort());
  });
});

const listAll = {
  districtCode: null,
  villageCode: null,
  pendampingId: null,
  q: '',
  includeInactive: false,
  page: 1,
  pageSize: 50,
};

describe('moving families between groups', () => {
  it('closes the old membership and opens a new one, keeping the history; the ketua who leaves is cleared', async () => {
    const { db, families, village } = await office();
    const a = createGroup(
      db,
      OPERATOR,
      group(village, { kpmIds: families.slice(0, 10), leaderKpmId: families[0] }),
      TODAY,
    );
    const b = createGroup(db, OPERATOR, group(village, { name: 'Melati', kpmIds: families.slice(10, 20) }), TODAY);
    moveMember(db, OPERATOR, { kpmId: families[0], toGroupId: b.id }, '2026-05-04');
    const left = getGroup(db, OPERATOR, a.id);
    expect(left.members).toHaveLength(9);
    expect(left.leaderKpmId).toBeNull();
    expect(left.formerMembers.map((m) => [m.kpmId, m.joinedOn, m.leftOn])).toEqual([
      [families[0], TODAY, '2026-05-04'],
    ]);
    const joined = getGroup(db, OPERATOR, b.id).members.find((m) => m.kpmId === families[0]);
    expect(joined?.joinedOn).toBe('2026-05-04');
    expect(historyOf(db, 'p2k2_group', b.id)[0].summary).toContain('pindah dari kelompok "Mawar" ke kelompok "Melati"');

    removeMember(db, OPERATOR, { groupId: b.id, kpmId: families[0] }, '2026-06-01');
    expect(getGroup(db, OPERATOR, b.id).formerMembers.map((m) => m.leftOn)).toEqual(['2026-06-01']);
    addMembers(db, OPERATOR, { groupId: a.id, kpmIds: [families[0]] }, '2026-07-01');
    expect(getGroup(db, OPERATOR, a.id).members).toHaveLength(10);
  });

  it('refuses a move to another desa and leaves the family where it was', async () => {
    const { db, families, elsewhere, village } = await office();
    const a = createGroup(db, OPERATOR, group(village, { kpmIds: families.slice(0, 10) }), TODAY);
    const far = createGroup(db, OPERATOR, group(villageOf(db, elsewhere[0]), { kpmIds: elsewhere }), TODAY);
    const error = refusal(() => moveMember(db, OPERATOR, { kpmId: families[0], toGroupId: far.id }, TODAY));
    expect(error.message).toContain('bukan warga desa kelompok ini');
    expect(getGroup(db, OPERATOR, a.id).members).toHaveLength(10);
  });
});

describe('splitting a desa into groups', () => {
  it('shares the families out evenly in as few groups as the chosen size allows', () => {
    expect(splitSizes(47, 20)).toEqual([16, 16, 15]);
    expect(splitSizes(40, 20)).toEqual([20, 20]);
    expect(splitSizes(35, 15)).toEqual([12, 12, 11]);
    expect(splitSizes(8, 20)).toEqual([8]);
    expect(splitSizes(0, 20)).toEqual([]);
  });

  it("puts every family without a group in one step, naming the groups after the desa's existing ones", async () => {
    const { db, families, village } = await office();
    createGroup(db, OPERATOR, group(village, { name: 'Kelompok 1', kpmIds: families.slice(0, 5) }), TODAY);
    const input = groupSplitSchema.parse({ villageCode: village, size: 15 });
    const result = splitVillage(db, OPERATOR, input, TODAY);
    expect(result.groups.map((g) => [g.name, g.size])).toEqual([
      ['Kelompok 2', 15],
      ['Kelompok 3', 15],
    ]);
    expect(result.warnings).toEqual([]);
    expect(listGroups(db, SYSTEM_ACTOR, { ...listAll, villageCode: village }).items.map((g) => g.memberCount)).toEqual([
      5, 15, 15,
    ]);
    const again = refusal(() => splitVillage(db, OPERATOR, input, TODAY));
    expect(again.message).toContain('sudah masuk kelompok');
  });
});

describe('who may change groups', () => {
  it('lets the operator and administrator change groups; the verifikator and pimpinan only read', async () => {
    const { db, admin, families, village } = await office();
    const saved = createGroup(db, admin, group(village, { kpmIds: families.slice(0, 10) }), TODAY);
    for (const reader of [VERIFIKATOR, PIMPINAN]) {
      expect(refusal(() => createGroup(db, reader, group(village, { name: 'X' }), TODAY)).code).toBe('FORBIDDEN');
      expect(
        refusal(() => splitVillage(db, reader, groupSplitSchema.parse({ villageCode: village, size: 10 }))).code,
      ).toBe('FORBIDDEN');
      expect(getGroup(db, reader, saved.id).members).toHaveLength(10);
    }
    const update = groupUpdateSchema.parse({
      ...group(village),
      id: saved.id,
      name: 'Mawar Merah',
      meetingPlace: 'Rumah ketua',
    });
    updateGroup(db, OPERATOR, update);
    expect(historyOf(db, 'p2k2_group', saved.id)[0].summary).toBe(
      'Kelompok P2K2 "Mawar Merah" diubah: nama Mawar → Mawar Merah, tempat Balai desa → Rumah ketua',
    );
  });
});
