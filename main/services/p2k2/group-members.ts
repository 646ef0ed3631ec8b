/**
 * A group's families: adding, moving and removing them, and splitting a desa's families without a group into
 * groups in one step. A family is in one group at a time: a move closes its membership (left_on) and opens
 * another, so the history of where it met is kept.
 */
import { type Db, inTransaction } from '../../../db/open';
import {
  closeMembership,
  groupNamesIn,
  insertGroup,
  openMemberCount,
  openMembership,
  ungroupedCount,
  ungroupedFamilies,
  updateGroupRow,
} from '../../../db/queries/p2k2-groups';
import { AppError } from '../../domain/errors';
import { todayIso } from '../../domain/format';
import type { GroupSplitInput } from '../../domain/p2k2-forms';
import { type Page, pageWindow } from '../../domain/paging';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { nikFor } from '../security-settings';
import { checkJoining, GROUP_ENTITY, requireRecorder, sizeWarnings, villageNamed } from './group-rules';
import { loadGroup } from './groups';
import type { GroupSaved, SplitResult, UngroupedFamily } from './types';

export function listUngrouped(
  db: Db,
  actor: Actor,
  input: { villageCode: string; page: number; pageSize: number },
): Page<UngroupedFamily> {
  const show = nikFor(db, actor.role);
  const items = ungroupedFamilies(db, input.villageCode, pageWindow(input)).map((f) => ({
    ...f,
    nik: show(f.nik),
    noKk: show(f.noKk),
  }));
  return { items, total: ungroupedCount(db, input.villageCode), page: input.page, pageSize: input.pageSize };
}

export function addMembers(
  db: Db,
  actor: Actor,
  input: { groupId: number; kpmIds: number[] },
  today = todayIso(),
): GroupSaved {
  requireRecorder(actor, 'menambah anggota kelompok P2K2');
  const group = loadGroup(db, input.groupId);
  const kpmIds = [...new Set(input.kpmIds)];
  return inTransaction(db, () => {
    checkJoining(db, group.villageCode, kpmIds, null);
    for (const kpmId of kpmIds) openMembership(db, group.id, kpmId, today);
    writeAudit(db, actor, {
      action: 'add_members',
      entity: GROUP_ENTITY,
      entityId: group.id,
      summary: `${kpmIds.length} KPM masuk kelompok P2K2 "${group.name}"`,
      after: { kpmIds },
    });
    return { id: group.id, warnings: sizeWarnings(group.name, openMemberCount(db, group.id)) };
  });
}

/** Moves a family to another group of its desa: its old membership closes today and a new one opens. */
export function moveMember(
  db: Db,
  actor: Actor,
  input: { kpmId: number; toGroupId: number },
  today = todayIso(),
): GroupSaved {
  requireRecorder(actor, 'memindahkan anggota kelompok P2K2');
  const target = loadGroup(db, input.toGroupId);
  return inTransaction(db, () => {
    const fromGroupId = closeMembership(db, input.kpmId, today);
    if (fromGroupId === target.id) throw new AppError('INVALID_INPUT', 'Keluarga sudah anggota kelompok ini.');
    checkJoining(db, target.villageCode, [input.kpmId], null);
    openMembership(db, target.id, input.kpmId, today);
    const from = fromGroupId === null ? null : loadGroup(db, fromGroupId);
    if (from?.leaderKpmId === input.kpmId) updateGroupRow(db, from.id, { leaderKpmId: null });
    writeAudit(db, actor, {
      action: 'move_member',
      entity: GROUP_ENTITY,
      entityId: target.id,
      summary: `KPM #${input.kpmId} pindah ${from ? `dari kelompok "${from.name}" ` : ''}ke kelompok "${target.name}"`,
      before: { groupId: fromGroupId },
      after: { groupId: target.id, kpmId: input.kpmId },
    });
    return { id: target.id, warnings: sizeWarnings(target.name, openMemberCount(db, target.id)) };
  });
}

export function removeMember(
  db: Db,
  actor: Actor,
  input: { groupId: number; kpmId: number },
  today = todayIso(),
): GroupSaved {
  requireRecorder(actor, 'mengeluarkan anggota kelompok P2K2');
  const group = loadGroup(db, input.groupId);
  return inTransaction(db, () => {
    const left = closeMembership(db, input.kpmId, today);
    if (left !== group.id) throw new AppError('INVALID_INPUT', 'Keluarga ini bukan anggota kelompok tersebut.');
    if (group.leaderKpmId === input.kpmId) updateGroupRow(db, group.id, { leaderKpmId: null });
    writeAudit(db, actor, {
      action: 'remove_member',
      entity: GROUP_ENTITY,
      entityId: group.id,
      summary: `KPM #${input.kpmId} keluar dari kelompok P2K2 "${group.name}"`,
      before: { kpmId: input.kpmId },
    });
    return { id: group.id, warnings: sizeWarnings(group.name, openMemberCount(db, group.id)) };
  });
}

/**
 * Sizes of the groups for n families, at most `size` each: as few groups as that allows, the families shared out
 * evenly (47 by 20 is 16 + 16 + 15, not 20 + 20 + 7: a group of 7 is below the advised 10).
 */
export function splitSizes(n: number, size: number): number[] {
  if (n === 0) return [];
  const groups = Math.ceil(n / size);
  return Array.from({ length: groups }, (_, i) => Math.floor(n / groups) + (i < n % groups ? 1 : 0));
}

/** Names "<prefix> 1", "<prefix> 2", ... skipping the names the desa already has. */
function freshNames(taken: string[], prefix: string, count: number): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) {
    const name = `${prefix} ${i}`;
    if (!used.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** A desa's families without a group into groups of about the chosen size, all or nothing. */
export function splitVillage(db: Db, actor: Actor, input: GroupSplitInput, today = todayIso()): SplitResult {
  requireRecorder(actor, 'membagi KPM desa ke kelompok P2K2');
  const villageName = villageNamed(db, input.villageCode);
  return inTransaction(db, () => {
    const families = ungroupedFamilies(db, input.villageCode);
    if (families.length === 0) {
      throw new AppError('INVALID_INPUT', `Semua KPM aktif di ${villageName} sudah masuk kelompok.`);
    }
    const sizes = splitSizes(families.length, input.size);
    const names = freshNames(groupNamesIn(db, input.villageCode), input.namePrefix, sizes.length);
    const now = new Date().toISOString();
    const groups: SplitResult['groups'] = [];
    let next = 0;
    sizes.forEach((size, i) => {
      const id = insertGroup(db, {
        name: names[i],
        villageCode: input.villageCode,
        pendampingId: input.pendampingId,
        meetingDay: input.meetingDay,
        createdAt: now,
        updatedAt: now,
      });
      for (const family of families.slice(next, next + size)) openMembership(db, id, family.kpmId, today);
      next += size;
      groups.push({ id, name: names[i], size });
    });
    writeAudit(db, actor, {
      action: 'split',
      entity: GROUP_ENTITY,
      entityId: null,
      summary: `${families.length} KPM ${villageName} dibagi ke ${groups.length} kelompok P2K2 (${groups.map((g) => `${g.name}: ${g.size}`).join(', ')})`,
      after: groups,
    });
    return { groups, warnings: groups.flatMap((g) => sizeWarnings(g.name, g.size)) };
  });
}
