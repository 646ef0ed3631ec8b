/**
 * What people write about a pendamping's month: the pendamping's own notes for its report (the pendamping, or an
 * operator on its behalf) and the koordinator's evaluation (a score per indicator, the weighted total, notes).
 */
import { and, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { pendampingHeading } from '../../../db/queries/reports';
import { pendampingEvaluations, pendampingMonthNotes } from '../../../db/schema';
import { AppError } from '../../domain/errors';
import { EVALUATION_DUTIES, type EvaluationRecordInput } from '../../domain/evaluation';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { requireOwnPendamping, weightedTotal } from './month';
import { getEvaluationSettings } from './settings';

function requirePendamping(db: Db, id: number): string {
  const row = pendampingHeading(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND', `Pendamping nomor ${id} tidak ditemukan.`, {
      fields: { pendampingId: 'Pilih pendamping dari daftar.' },
    });
  }
  return row.name;
}

export function saveMonthNotes(
  db: Db,
  actor: Actor,
  input: { pendampingId: number; month: string; notes: string },
): { notes: string } {
  requireDuty(actor, EVALUATION_DUTIES.notes, 'menulis catatan laporan bulanan');
  requireOwnPendamping(actor, input.pendampingId);
  const name = requirePendamping(db, input.pendampingId);
  return inTransaction(db, () => {
    const at = new Date().toISOString();
    const key = and(
      eq(pendampingMonthNotes.pendampingId, input.pendampingId),
      eq(pendampingMonthNotes.month, input.month),
    );
    const before = db.select().from(pendampingMonthNotes).where(key).get();
    const values = { notes: input.notes, updatedByName: actor.username, updatedAt: at };
    db.insert(pendampingMonthNotes)
      .values({ pendampingId: input.pendampingId, month: input.month, ...values })
      .onConflictDoUpdate({ target: [pendampingMonthNotes.pendampingId, pendampingMonthNotes.month], set: values })
      .run();
    writeAudit(db, actor, {
      action: before ? 'update' : 'create',
      entity: 'pendamping_month_notes',
      entityId: input.pendampingId,
      summary: `Catatan laporan bulanan ${name} bulan ${input.month} disimpan`,
      before: before?.notes,
      after: input.notes,
    });
    return { notes: input.notes };
  });
}

/** Every indicator scored, none unknown: each problem names the indicator. */
function checkScores(input: EvaluationRecordInput, keys: Map<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(input.scores)) {
    if (!keys.has(key)) fields[`scores.${key}`] = `Indikator "${key}" tidak ada dalam pengaturan evaluasi.`;
  }
  for (const [key, label] of keys) {
    if (input.scores[key] === undefined) fields[`scores.${key}`] = `Isi nilai indikator "${label}".`;
  }
  return fields;
}

export function recordEvaluation(db: Db, actor: Actor, input: EvaluationRecordInput) {
  requireDuty(actor, EVALUATION_DUTIES.evaluate, 'mencatat evaluasi pendamping');
  const name = requirePendamping(db, input.pendampingId);
  const { indicators } = getEvaluationSettings(db);
  const fields = checkScores(input, new Map(indicators.map((i) => [i.key, i.label])));
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', Object.values(fields)[0], { fields });
  const total = weightedTotal(indicators, input.scores) ?? 0;
  return inTransaction(db, () => {
    const key = and(
      eq(pendampingEvaluations.pendampingId, input.pendampingId),
      eq(pendampingEvaluations.month, input.month),
    );
    const before = db.select().from(pendampingEvaluations).where(key).get();
    const values = {
      scores: input.scores,
      total,
      notes: input.notes,
      recordedBy: actor.id,
      recordedByName: actor.username,
      recordedAt: new Date().toISOString(),
    };
    db.insert(pendampingEvaluations)
      .values({ pendampingId: input.pendampingId, month: input.month, ...values })
      .onConflictDoUpdate({ target: [pendampingEvaluations.pendampingId, pendampingEvaluations.month], set: values })
      .run();
    writeAudit(db, actor, {
      action: before ? 'update' : 'create',
      entity: 'pendamping_evaluation',
      entityId: input.pendampingId,
      summary: `Evaluasi ${name} bulan ${input.month}: nilai ${total}`,
      before,
      after: values,
    });
    return { total };
  });
}
