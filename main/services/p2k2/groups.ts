/** P2K2 groups: the list, one group with its families, and making or changing a group by hand. */
import { type Db, inTransaction } from '../../../db/open';
import {
  familiesForGrouping,
  formerMembers,
  groupById,
  groupNamed,
  groupPage,
  insertGroup,
  openMembers,
  openMembership,
  updateGroupRow,
} from '../../../db/queries/p2k2-groups';
import { AppError } from '../../domain/errors';
import { todayIso } from '../../domain/format';
import type { GroupCreateInput, GroupFields, GroupListInput, GroupUpdateInput } from '../../domain/p2k2-forms';
import type { Page } from '../../domain/paging';
import type { KpmSearchInput } from '../../domain/schemas';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { searchKpm } from '../kpm-search';
import { requireOwnFamily, scopedPendampingFilter } from '../own-families';
import { nikFor } from '../security-settings';
import {
  checkJoining,
  checkLeader,
  checkPendamping,
  GROUP_ENTITY,
  requireRecorder,
  sizeWarnings,
  villageNamed,
} from './group-rules';
import type { GroupDetail, GroupRow, GroupSaved } from './types';

export function listGroups(db: Db, actor: Actor, input: GroupListInput): Page<GroupRow> {
  const { items, total } = groupPage(db, { ...input, pendampingId: scopedPendampingFilter(actor, input.pendampingId) });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export function loadGroup(db: Db, id: number): GroupRow {
  const group = groupById(db, id);
  if (!group) throw new AppError('NOT_FOUND', 'Kelompok P2K2 tidak ditemukan.');
  return group;
}

export function getGroup(db: Db, actor: Actor, id: number): GroupDetail {
  const group = loadGroup(db, id);
  requireOwnFamily(actor, group.pendampingId, 'Kelompok P2K2 tidak ditemukan.');
  const show = nikFor(db, actor.role);
  const shown = <T extends { nik: string; noKk: string }>(m: T): T => ({ ...m, nik: show(m.nik), noKk: show(m.noKk) });
  return { ...group, members: openMembers(db, id).map(shown), formerMembers: formerMembers(db, id).map(shown) };
}

function checkName(db: Db, villageCode: string, name: string, ownId: number | null): void {
  const same = groupNamed(db, villageCode, name);
  if (same && same.id !== ownId) {
    const message = `Sudah ada kelompok bernama "${name}" di desa ini.`;
    throw new AppError('DUPLICATE', message, { fields: { name: message } });
  }
}

/** Families without a group that the KPM list's filter finds in the group's desa (at most 1,000). */
function familiesOfFilter(db: Db, input: GroupCreateInput): number[] {
  if (!input.filter) return [];
  const filter: KpmSearchInput = {
    ...input.filter,
    villageCode: input.filter.villageCode ?? input.villageCode,
    status: 'aktif',
    sort: 'nama',
    dir: 'asc',
    page: 1,
    pageSize: 200,
  };
  const ids: number[] = [];
  for (let page = 1; page <= 5; page++) {
    const found = searchKpm(db, { ...filter, page });
    ids.push(...found.items.map((row) => row.id));
    if (page * filter.pageSize >= found.total) return ids;
  }
  throw new AppError('INVALID_INPUT', 'Saringan menemukan lebih dari 1.000 KPM: persempit saringannya atau bagi desa.');
}

function groupValues(fields: GroupFields) {
  return {
    name: fields.name,
    villageCode: fields.villageCode,
    pendampingId: fields.pendampingId,
    leaderKpmId: fields.leaderKpmId,
    meetingPlace: fields.meetingPlace,
    meetingDay: fields.meetingDay,
  };
}

export function createGroup(db: Db, actor: Actor, input: GroupCreateInput, today = todayIso()): GroupSaved {
  requireRecorder(actor, 'membuat kelompok P2K2');
  const villageName = villageNamed(db, input.villageCode);
  checkPendamping(db, input.pendampingId);
  return inTransaction(db, () => {
    checkName(db, input.villageCode, input.name, null);
    const fromFilter = familiesOfFilter(db, input).filter((id) => !input.kpmIds.includes(id));
    const picked = [...input.kpmIds, ...fromFilter];
    // Families the filter finds that are already in a group stay where they are; the ones picked by hand must not be.
    const already = new Set(input.filter ? alreadyGrouped(db, fromFilter) : []);
    const kpmIds = picked.filter((id) => !already.has(id));
    checkJoining(db, input.villageCode, kpmIds, null);
    checkLeader(input.leaderKpmId, kpmIds);
    const now = new Date().toISOString();
    const id = insertGroup(db, { ...groupValues(input), createdAt: now, updatedAt: now });
    for (const kpmId of kpmIds) openMembership(db, id, kpmId, today);
    writeAudit(db, actor, {
      action: 'create',
      entity: GROUP_ENTITY,
      entityId: id,
      summary: `Kelompok P2K2 "${input.name}" dibuat di ${villageName} dengan ${kpmIds.length} KPM`,
      after: { ...groupValues(input), kpmIds },
    });
    return { id, warnings: sizeWarnings(input.name, kpmIds.length) };
  });
}

function alreadyGrouped(db: Db, kpmIds: number[]): number[] {
  return familiesForGrouping(db, kpmIds)
    .filter((f) => f.groupId !== null)
    .map((f) => f.id);
}

export function updateGroup(db: Db, actor: Actor, input: GroupUpdateInput): GroupSaved {
  requireRecorder(actor, 'mengubah kelompok P2K2');
  const before = loadGroup(db, input.id);
  if (input.villageCode !== before.villageCode) {
    throw new AppError('INVALID_INPUT', 'Desa kelompok tidak dapat diubah: buat kelompok baru di desa lain.', {
      fields: { villageCode: 'Desa kelompok tetap.' },
    });
  }
  checkPendamping(db, input.pendampingId);
  return inTransaction(db, () => {
    checkName(db, input.villageCode, input.name, input.id);
    const members = openMembers(db, input.id);
    checkLeader(
      input.leaderKpmId,
      members.map((m) => m.kpmId),
    );
    updateGroupRow(db, input.id, { ...groupValues(input), active: input.active, updatedAt: new Date().toISOString() });
    const after = loadGroup(db, input.id);
    const changes = groupChanges(before, after);
    writeAudit(db, actor, {
      action: 'update',
      entity: GROUP_ENTITY,
      entityId: input.id,
      summary: `Kelompok P2K2 "${after.name}" diubah${changes.length ? `: ${changes.join(', ')}` : ''}`,
      before,
      after,
    });
    return { id: input.id, warnings: sizeWarnings(after.name, members.length) };
  });
}

const CHANGE_LABELS: [keyof GroupRow, string][] = [
  ['name', 'nama'],
  ['pendampingName', 'pendamping'],
  ['leaderName', 'ketua'],
  ['meetingPlace', 'tempat'],
  ['meetingDay', 'hari'],
  ['active', 'aktif'],
];

function groupChanges(before: GroupRow, after: GroupRow): string[] {
  return CHANGE_LABELS.filter(([key]) => before[key] !== after[key]).map(
    ([key, label]) => `${label} ${String(before[key] ?? '-')} → ${String(after[key] ?? '-')}`,
  );
}
