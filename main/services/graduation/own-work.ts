/**
 * Separation of duties at the decision: nobody decides a proposal they built or a family they verified, not
 * even an administrator. Building is every step that shaped the proposal (creating it, adding or removing
 * families, submitting it): an administrator who filled an operator's empty draft built it as much as the
 * operator did. Who built is read from the proposal's audit rows, which each step writes in its own
 * transaction, so the rule cannot drift from what happened. The decision page asks the same function before
 * showing the form, so a user who may not decide is told before filling it in.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { assessments, auditLog } from '../../../db/schema';
import { formatNames } from '../../domain/format';

/** The proposal's audit actions that build it, with the words a refusal uses for each. */
const BUILD_ACTIONS: Record<string, string> = {
  create: 'membuat',
  add_items: 'menambahkan keluarga',
  remove_items: 'mengeluarkan keluarga',
  submit: 'mengajukan',
};

export interface Builder {
  userId: number;
  username: string;
  /** What they did, in the order of BUILD_ACTIONS: "membuat", "menambahkan keluarga", ... */
  steps: string[];
}

/** Everyone who built the proposal, in the order they first touched it. */
export function proposalBuilders(db: Db, proposalId: number): Builder[] {
  const rows = db
    .select({ userId: auditLog.userId, username: auditLog.username, action: auditLog.action })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'proposal'),
        eq(auditLog.entityId, proposalId),
        inArray(auditLog.action, Object.keys(BUILD_ACTIONS)),
        isNotNull(auditLog.userId),
      ),
    )
    .orderBy(auditLog.id)
    .all();
  const byUser = new Map<number, { username: string; actions: Set<string> }>();
  for (const row of rows) {
    const userId = row.userId as number;
    const entry = byUser.get(userId) ?? { username: row.username, actions: new Set<string>() };
    entry.actions.add(row.action);
    byUser.set(userId, entry);
  }
  return [...byUser].map(([userId, { username, actions }]) => ({
    userId,
    username,
    steps: Object.keys(BUILD_ACTIONS)
      .filter((a) => actions.has(a))
      .map((a) => BUILD_ACTIONS[a]),
  }));
}

const listSteps = (steps: string[]) =>
  steps.length > 1 ? `${steps.slice(0, -1).join(', ')} dan ${steps[steps.length - 1]}` : steps[0];

/**
 * Why this user may not decide the proposal (they built it, or verified one of its families), or null.
 * The system actor (id null: command-line tools) is nobody's colleague and is never refused here.
 */
export function ownWorkRefusal(
  db: Db,
  userId: number | null,
  proposal: { id: number; number: string; createdBy: number | null },
  items: { candidateId: number; nama: string }[],
): string | null {
  if (userId === null) return null;
  // The creator is also on the proposal row itself, so the rule holds even for a row written without its audit.
  const steps =
    proposalBuilders(db, proposal.id).find((b) => b.userId === userId)?.steps ??
    (proposal.createdBy === userId ? [BUILD_ACTIONS.create] : null);
  if (steps) {
    return `Anda ikut menyusun usulan ${proposal.number} (${listSteps(steps)}); penetapannya harus dilakukan oleh pimpinan atau administrator lain yang tidak ikut menyusunnya (pemisahan tugas).`;
  }
  if (items.length === 0) return null;
  const verified = new Set(
    db
      .select({ id: assessments.candidateId })
      .from(assessments)
      .where(
        and(
          eq(assessments.verifierId, userId),
          inArray(
            assessments.candidateId,
            items.map((i) => i.candidateId),
          ),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const own = items.filter((i) => verified.has(i.candidateId)).map((i) => i.nama);
  if (own.length === 0) return null;
  return `Anda memverifikasi ${formatNames(own)}; keputusan atas keluarga yang Anda verifikasi harus ditetapkan oleh orang lain (pemisahan tugas).`;
}
