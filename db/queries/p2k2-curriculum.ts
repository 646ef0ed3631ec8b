/** P2K2's curriculum (modules and their topics) and the year's plan (RTL) per group. */
import { and, asc, eq, gte, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { p2k2Meetings, p2k2Modules, p2k2Plans, p2k2Topics } from '../schema';

export function allModules(db: Db) {
  return db.select().from(p2k2Modules).orderBy(asc(p2k2Modules.sortOrder), asc(p2k2Modules.id)).all();
}

export function allTopics(db: Db) {
  return db
    .select()
    .from(p2k2Topics)
    .innerJoin(p2k2Modules, eq(p2k2Modules.id, p2k2Topics.moduleId))
    .orderBy(asc(p2k2Modules.sortOrder), asc(p2k2Modules.id), asc(p2k2Topics.sortOrder), asc(p2k2Topics.id))
    .all()
    .map((row) => ({ ...row.p2k2_topics, moduleName: row.p2k2_modules.name, moduleActive: row.p2k2_modules.active }));
}

export type TopicWithModule = ReturnType<typeof allTopics>[number];

export function moduleById(db: Db, id: number) {
  return db.select().from(p2k2Modules).where(eq(p2k2Modules.id, id)).get();
}

export function topicById(db: Db, id: number) {
  return db.select().from(p2k2Topics).where(eq(p2k2Topics.id, id)).get();
}

export function moduleNamed(db: Db, name: string, exceptId = 0) {
  return db
    .select({ id: p2k2Modules.id })
    .from(p2k2Modules)
    .where(and(sql`${p2k2Modules.name} = ${name} COLLATE NOCASE`, sql`${p2k2Modules.id} <> ${exceptId}`))
    .get();
}

export function topicNamed(db: Db, moduleId: number, name: string, exceptId = 0) {
  return db
    .select({ id: p2k2Topics.id })
    .from(p2k2Topics)
    .where(
      and(
        eq(p2k2Topics.moduleId, moduleId),
        sql`${p2k2Topics.name} = ${name} COLLATE NOCASE`,
        sql`${p2k2Topics.id} <> ${exceptId}`,
      ),
    )
    .get();
}

export function setModule(db: Db, id: number, values: { name?: string; active?: boolean }): void {
  db.update(p2k2Modules).set(values).where(eq(p2k2Modules.id, id)).run();
}

export function setTopic(db: Db, id: number, values: { name?: string; active?: boolean }): void {
  db.update(p2k2Topics).set(values).where(eq(p2k2Topics.id, id)).run();
}

export function insertModule(db: Db, name: string): number {
  const last =
    db
      .select({ n: max(p2k2Modules.sortOrder) })
      .from(p2k2Modules)
      .get()?.n ?? 0;
  return db
    .insert(p2k2Modules)
    .values({ name, sortOrder: last + 1 })
    .returning({ id: p2k2Modules.id })
    .get().id;
}

export function insertTopic(db: Db, moduleId: number, name: string): number {
  const last =
    db
      .select({ n: max(p2k2Topics.sortOrder) })
      .from(p2k2Topics)
      .where(eq(p2k2Topics.moduleId, moduleId))
      .get()?.n ?? 0;
  return db
    .insert(p2k2Topics)
    .values({ moduleId, name, sortOrder: last + 1 })
    .returning({ id: p2k2Topics.id })
    .get().id;
}

export function planOf(db: Db, groupId: number, year: number) {
  return db
    .select({ topicId: p2k2Plans.topicId, plannedOn: p2k2Plans.plannedOn })
    .from(p2k2Plans)
    .where(and(eq(p2k2Plans.groupId, groupId), eq(p2k2Plans.year, year)))
    .all();
}

/** The group's meetings held in the year: which topic on which day. */
export function heldInYear(db: Db, groupId: number, year: number) {
  return db
    .select({ topicId: p2k2Meetings.topicId, heldOn: p2k2Meetings.heldOn })
    .from(p2k2Meetings)
    .where(
      and(
        eq(p2k2Meetings.groupId, groupId),
        gte(p2k2Meetings.heldOn, `${year}-01-01`),
        lt(p2k2Meetings.heldOn, `${year + 1}-01-01`),
      ),
    )
    .orderBy(asc(p2k2Meetings.heldOn))
    .all();
}

export function deletePlanDate(db: Db, groupId: number, year: number, topicId: number): void {
  db.delete(p2k2Plans)
    .where(and(eq(p2k2Plans.groupId, groupId), eq(p2k2Plans.year, year), eq(p2k2Plans.topicId, topicId)))
    .run();
}

export function upsertPlanDate(db: Db, groupId: number, year: number, topicId: number, plannedOn: string): void {
  db.insert(p2k2Plans)
    .values({ groupId, year, topicId, plannedOn })
    .onConflictDoUpdate({ target: [p2k2Plans.groupId, p2k2Plans.year, p2k2Plans.topicId], set: { plannedOn } })
    .run();
}
