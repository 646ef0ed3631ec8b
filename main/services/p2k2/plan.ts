/**
 * The year's plan (Rencana Tindak Lanjut, RTL): per group and year a planned date per topic. Topics are taught in
 * module order; a topic dated before one that comes earlier is a warning, never a refusal (a speaker's visit or
 * the harvest moves sessions about).
 */
import { type Db, inTransaction } from '../../../db/open';
import {
  allTopics,
  deletePlanDate,
  heldInYear,
  planOf,
  type TopicWithModule,
  upsertPlanDate,
} from '../../../db/queries/p2k2-curriculum';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import type { PlanSaveInput } from '../../domain/p2k2-forms';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { requireOwnFamily } from '../own-families';
import { GROUP_ENTITY, requireRecorder } from './group-rules';
import { loadGroup } from './groups';
import type { GroupPlan, PlanRow, PlanWarning } from './types';

const isActive = (t: TopicWithModule) => t.active && t.moduleActive;

/**
 * Warnings for topics dated out of order: each dated topic is checked against the latest date of the topics before
 * it in the curriculum.
 */
export function orderWarnings(rows: readonly Pick<PlanRow, 'topicId' | 'topicName' | 'position' | 'plannedOn'>[]) {
  const dated = rows.filter((r) => r.plannedOn !== null).sort((a, b) => a.position - b.position);
  const warnings: PlanWarning[] = [];
  let latest: { name: string; on: string } | null = null;
  for (const row of dated) {
    const on = row.plannedOn as string;
    if (latest && on < latest.on) {
      warnings.push({
        topicId: row.topicId,
        message: `"${row.topicName}" direncanakan ${formatTanggal(on)}, sebelum "${latest.name}" (${formatTanggal(latest.on)}) yang urutannya lebih dulu.`,
      });
    } else latest = { name: row.topicName, on };
  }
  return warnings;
}

/** The plan as the actor may see it: a pendamping account sees its own groups' plans only. */
export function getPlanFor(db: Db, actor: Actor, groupId: number, year: number): GroupPlan {
  requireOwnFamily(actor, loadGroup(db, groupId).pendampingId, 'Kelompok P2K2 tidak ditemukan.');
  return getPlan(db, groupId, year);
}

export function getPlan(db: Db, groupId: number, year: number): GroupPlan {
  const group = loadGroup(db, groupId);
  const planned = new Map(planOf(db, groupId, year).map((p) => [p.topicId, p.plannedOn]));
  const held = heldInYear(db, groupId, year);
  const rows = allTopics(db)
    .map(
      (t, i): PlanRow => ({
        topicId: t.id,
        topicName: t.name,
        moduleId: t.moduleId,
        moduleName: t.moduleName,
        position: i + 1,
        plannedOn: planned.get(t.id) ?? null,
        heldOn: held.filter((h) => h.topicId === t.id).map((h) => h.heldOn),
        active: isActive(t),
      }),
    )
    .filter((r) => r.active || r.plannedOn !== null || r.heldOn.length > 0);
  return { groupId, groupName: group.name, year, rows, warnings: orderWarnings(rows) };
}

export function savePlan(db: Db, actor: Actor, input: PlanSaveInput) {
  requireRecorder(actor, 'menyusun rencana P2K2');
  const group = loadGroup(db, input.groupId);
  const topics = new Map(allTopics(db).map((t) => [t.id, t]));
  const fields: Record<string, string> = {};
  input.dates.forEach((d, i) => {
    if (!topics.has(d.topicId)) fields[`dates.${i}.topicId`] = 'Sesi tidak dikenal.';
    else if (d.plannedOn !== null && !d.plannedOn.startsWith(`${input.year}-`)) {
      fields[`dates.${i}.plannedOn`] = `Tanggal ${topics.get(d.topicId)?.name} harus di tahun ${input.year}.`;
    }
  });
  const problems = Object.values(fields);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.slice(0, 5).join(' '), { fields });
  return inTransaction(db, () => {
    const before = planOf(db, input.groupId, input.year);
    for (const d of input.dates) {
      if (d.plannedOn === null) deletePlanDate(db, input.groupId, input.year, d.topicId);
      else upsertPlanDate(db, input.groupId, input.year, d.topicId, d.plannedOn);
    }
    const plan = getPlan(db, input.groupId, input.year);
    const dated = plan.rows.filter((r) => r.plannedOn !== null).length;
    writeAudit(db, actor, {
      action: 'plan',
      entity: GROUP_ENTITY,
      entityId: group.id,
      summary: `Rencana P2K2 ${input.year} kelompok "${group.name}" disimpan: ${dated} sesi bertanggal${plan.warnings.length ? `, ${plan.warnings.length} tidak berurutan` : ''}`,
      before,
      after: planOf(db, input.groupId, input.year),
    });
    return { saved: dated, warnings: plan.warnings };
  });
}
