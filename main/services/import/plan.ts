/**
 * Stage 5, the dry run: decides for every family in the file whether it is added, updates an existing family,
 * is unchanged, skipped or refused, following the user's choices for duplicates. The plan is exactly what
 * commit writes; its digest lets commit prove that nothing changed in between.
 *
 *   pass 1  plan-file.ts      the file against itself (duplicates in the file)
 *   pass 2  plan-registry.ts  the file against the registry's keys (which registered family a family is)
 *   pass 3  plan-family.ts    each family: members, pendamping, then add / update / unchanged / skip
 *   values  plan-values.ts    the rows written: a new family's, a registered one with the file laid over it
 */
import { createHash, randomUUID } from 'node:crypto';
import { databaseFingerprint } from '../../../db/queries/import';
import { type BuiltPlan, NONE, type PlanContext, type PlanCounts, PlanNotes, type PlannedFamily } from './plan-base';
import { FamilyPlanner } from './plan-family';
import { planFileDuplicates } from './plan-file';
import { Registry, ValueNames } from './plan-registry';
import type { FamilyRecord } from './types';

/** Builds the plan. Families with errors stay errors; the rest are classified against the file and the database. */
export async function buildPlan(families: FamilyRecord[], ctx: PlanContext): Promise<BuiltPlan> {
  // Taken before the first read of the registry: a write that lands while the plan is built (it yields between
  // chunks) then changes the fingerprint, and commit recomputes the plan instead of writing a stale one.
  const fingerprint = databaseFingerprint(ctx.conn);
  const notes = new PlanNotes(ctx);
  const items: PlannedFamily[] = families.map((family) => ({
    family,
    action: family.error ? 'error' : 'add',
    targetId: null,
    values: null,
    pendampingNew: null,
    members: NONE,
    changes: NONE,
    changedKeys: NONE,
    note: '',
  }));
  const names = new ValueNames(ctx.conn);
  const { effective, byNik } = planFileDuplicates(items, notes, names);
  const registry = new Registry(ctx.conn, effective);
  const matched = registry.match(effective, notes);
  const planner = new FamilyPlanner(ctx, registry, notes, byNik, names);
  await planner.run(effective, matched);

  const counts = countActions(items);
  const pendampingToCreate = [...planner.unknown.values()]
    .filter((u) => u.create)
    .map((u) => ({ key: u.key, name: u.name }));
  return {
    id: randomUUID(),
    digest: planDigest(items, pendampingToCreate),
    fingerprint,
    items,
    duplicates: notes.duplicates,
    problems: notes.problems,
    counts,
    unknownPendamping: [...planner.unknown.values()].sort((a, b) => b.families - a.families),
    pendampingToCreate,
  };
}

/** The plan's counts per action (all zero for no families: a report before any plan). */
export function countActions(items: readonly PlannedFamily[]): PlanCounts {
  const counts: PlanCounts = {
    families: items.length,
    add: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    merged: 0,
    error: 0,
    membersAdded: 0,
    membersUpdated: 0,
  };
  for (const item of items) {
    counts[item.action]++;
    if (item.action !== 'add' && item.action !== 'update') continue;
    for (const m of item.members) {
      if (m.id) counts.membersUpdated++;
      else counts.membersAdded++;
    }
  }
  return counts;
}

/** What the plan writes, hashed: commit recomputes the plan when the registry changed and compares digests. */
function planDigest(items: readonly PlannedFamily[], pendampingToCreate: { key: string; name: string }[]): string {
  const hash = createHash('sha256');
  let pending = '';
  for (const item of items) {
    if (pending.length > 65536) {
      hash.update(pending);
      pending = '';
    }
    if (item.action === 'add' || item.action === 'update') {
      // A new family's values follow from its rows (fixed for the job) and its pendamping; an update's depend on
      // what is registered, so they are part of the digest in full, with what the report says changes: a family
      // edited meanwhile back to other values ends with the same values but changes more than the user saw.
      const detail =
        item.action === 'add'
          ? `${item.values?.pendampingId}`
          : `${JSON.stringify(item.values)}|${JSON.stringify(item.members)}|${item.changes.join(',')}`;
      pending += `${item.family.row}|${item.action}|${item.targetId}|${detail}|${item.pendampingNew}\n`;
    } else {
      pending += `${item.family.row}|${item.action}|${item.targetId}\n`;
    }
  }
  hash.update(pending);
  hash.update(JSON.stringify(pendampingToCreate));
  return hash.digest('hex');
}
