/** P2K2 groups and their memberships: the reads and writes the group services call. */
import { and, asc, count, desc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { GroupListInput } from '../../main/domain/p2k2-forms';
import type { Db } from '../open';
import { kpm, p2k2GroupMembers, p2k2Groups, pendamping, regions } from '../schema';

const village = alias(regions, 'village');
const district = alias(regions, 'district');
const leader = alias(kpm, 'leader');

const memberCount = sql<number>`(SELECT count(*) FROM p2k2_group_members m WHERE m.group_id = ${p2k2Groups.id} AND m.left_on IS NULL)`;

const groupColumns = {
  id: p2k2Groups.id,
  name: p2k2Groups.name,
  villageCode: p2k2Groups.villageCode,
  villageName: village.name,
  districtCode: district.code,
  districtName: district.name,
  pendampingId: p2k2Groups.pendampingId,
  pendampingName: pendamping.name,
  leaderKpmId: p2k2Groups.leaderKpmId,
  leaderName: leader.nama,
  meetingPlace: p2k2Groups.meetingPlace,
  meetingDay: p2k2Groups.meetingDay,
  active: p2k2Groups.active,
  memberCount,
  updatedAt: p2k2Groups.updatedAt,
};

function groupSelect(db: Db) {
  return db
    .select(groupColumns)
    .from(p2k2Groups)
    .innerJoin(village, eq(village.code, p2k2Groups.villageCode))
    .innerJoin(district, eq(district.code, village.parentCode))
    .leftJoin(pendamping, eq(pendamping.id, p2k2Groups.pendampingId))
    .leftJoin(leader, eq(leader.id, p2k2Groups.leaderKpmId));
}

export type GroupRecord = Awaited<ReturnType<ReturnType<typeof groupSelect>['all']>>[number];

function listWhere(input: GroupListInput): SQL | undefined {
  const conditions: SQL[] = [];
  if (input.villageCode) conditions.push(eq(p2k2Groups.villageCode, input.villageCode));
  if (input.districtCode) conditions.push(eq(village.parentCode, input.districtCode));
  if (input.pendampingId) conditions.push(eq(p2k2Groups.pendampingId, input.pendampingId));
  if (!input.includeInactive) conditions.push(eq(p2k2Groups.active, true));
  if (input.q) {
    const text = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(like(p2k2Groups.name, text), like(village.name, text)) as SQL);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function groupPage(db: Db, input: GroupListInput): { items: GroupRecord[]; total: number } {
  const where = listWhere(input);
  const items = groupSelect(db)
    .where(where)
    .orderBy(asc(district.name), asc(village.name), sql`${p2k2Groups.name} COLLATE NOCASE`)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(p2k2Groups)
      .innerJoin(village, eq(village.code, p2k2Groups.villageCode))
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

export function groupById(db: Db, id: number): GroupRecord | undefined {
  return groupSelect(db).where(eq(p2k2Groups.id, id)).get();
}

export function groupNamed(db: Db, villageCode: string, name: string): { id: number } | undefined {
  return db
    .select({ id: p2k2Groups.id })
    .from(p2k2Groups)
    .where(and(eq(p2k2Groups.villageCode, villageCode), sql`${p2k2Groups.name} = ${name} COLLATE NOCASE`))
    .get();
}

export function groupNamesIn(db: Db, villageCode: string): string[] {
  return db
    .select({ name: p2k2Groups.name })
    .from(p2k2Groups)
    .where(eq(p2k2Groups.villageCode, villageCode))
    .all()
    .map((r) => r.name);
}

export type GroupValues = typeof p2k2Groups.$inferInsert;

export function insertGroup(db: Db, values: GroupValues): number {
  return db.insert(p2k2Groups).values(values).returning({ id: p2k2Groups.id }).get().id;
}

export function updateGroupRow(db: Db, id: number, values: Partial<GroupValues>): void {
  db.update(p2k2Groups).set(values).where(eq(p2k2Groups.id, id)).run();
}

const memberColumns = {
  kpmId: kpm.id,
  nama: kpm.nama,
  nik: kpm.nik,
  noKk: kpm.noKk,
  alamat: kpm.alamat,
  komponenMask: kpm.komponenMask,
  joinedOn: p2k2GroupMembers.joinedOn,
  leftOn: p2k2GroupMembers.leftOn,
};

/** The group's families now (open memberships), by name. */
export function openMembers(db: Db, groupId: number) {
  return db
    .select(memberColumns)
    .from(p2k2GroupMembers)
    .innerJoin(kpm, eq(kpm.id, p2k2GroupMembers.kpmId))
    .where(and(eq(p2k2GroupMembers.groupId, groupId), isNull(p2k2GroupMembers.leftOn)))
    .orderBy(sql`${kpm.nama} COLLATE NOCASE`, asc(kpm.id))
    .all();
}

/** Families who left the group, newest first. */
export function formerMembers(db: Db, groupId: number) {
  return db
    .select(memberColumns)
    .from(p2k2GroupMembers)
    .innerJoin(kpm, eq(kpm.id, p2k2GroupMembers.kpmId))
    .where(and(eq(p2k2GroupMembers.groupId, groupId), sql`${p2k2GroupMembers.leftOn} IS NOT NULL`))
    .orderBy(desc(p2k2GroupMembers.leftOn), desc(p2k2GroupMembers.id))
    .all();
}

/** The families asked for, with their desa, status and current group (if any). */
export function familiesForGrouping(db: Db, kpmIds: readonly number[]) {
  if (kpmIds.length === 0) return [];
  return db
    .select({
      id: kpm.id,
      nama: kpm.nama,
      villageCode: kpm.villageCode,
      status: kpm.status,
      groupId: p2k2GroupMembers.groupId,
      groupName: p2k2Groups.name,
    })
    .from(kpm)
    .leftJoin(p2k2GroupMembers, and(eq(p2k2GroupMembers.kpmId, kpm.id), isNull(p2k2GroupMembers.leftOn)))
    .leftJoin(p2k2Groups, eq(p2k2Groups.id, p2k2GroupMembers.groupId))
    .where(inArray(kpm.id, [...kpmIds]))
    .all();
}

const ungroupedWhere = (villageCode: string) =>
  and(
    eq(kpm.villageCode, villageCode),
    eq(kpm.status, 'aktif'),
    sql`NOT EXISTS (SELECT 1 FROM p2k2_group_members m WHERE m.kpm_id = ${kpm.id} AND m.left_on IS NULL)`,
  );

/** A desa's active families without a group, by name (a page of them, or all when no window is given). */
export function ungroupedFamilies(db: Db, villageCode: string, window?: { limit: number; offset: number }) {
  const query = db
    .select({ kpmId: kpm.id, nama: kpm.nama, nik: kpm.nik, noKk: kpm.noKk, alamat: kpm.alamat })
    .from(kpm)
    .where(ungroupedWhere(villageCode))
    .orderBy(sql`${kpm.nama} COLLATE NOCASE`, asc(kpm.id));
  return window ? query.limit(window.limit).offset(window.offset).all() : query.all();
}

export function ungroupedCount(db: Db, villageCode: string): number {
  return db.select({ n: count() }).from(kpm).where(ungroupedWhere(villageCode)).get()?.n ?? 0;
}

export function openMembership(db: Db, groupId: number, kpmId: number, joinedOn: string): void {
  db.insert(p2k2GroupMembers).values({ groupId, kpmId, joinedOn }).run();
}

/** Closes a family's open membership (of any group); returns the group it left, if it was in one. */
export function closeMembership(db: Db, kpmId: number, leftOn: string): number | null {
  const row = db
    .update(p2k2GroupMembers)
    .set({ leftOn })
    .where(and(eq(p2k2GroupMembers.kpmId, kpmId), isNull(p2k2GroupMembers.leftOn)))
    .returning({ groupId: p2k2GroupMembers.groupId })
    .get();
  return row?.groupId ?? null;
}

export function openMemberCount(db: Db, groupId: number): number {
  return (
    db
      .select({ n: count() })
      .from(p2k2GroupMembers)
      .where(and(eq(p2k2GroupMembers.groupId, groupId), isNull(p2k2GroupMembers.leftOn)))
      .get()?.n ?? 0
  );
}

export function regionName(db: Db, code: string): { name: string; level: string } | undefined {
  return db.select({ name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, code)).get();
}

export function pendampingExists(db: Db, id: number): boolean {
  return db.select({ id: pendamping.id }).from(pendamping).where(eq(pendamping.id, id)).get() !== undefined;
}
