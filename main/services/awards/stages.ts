/**
 * The award stages, each audited: planned -> approved (admin or pimpinan, never whoever
 * planned it) -> handed_over (handover.ts); or cancelled, with a reason, before handover. After handover an award
 * is never edited: correction.ts adds a new, linked one.
 */

import type { Db } from '../../../db/open';
import { type AwardState, awardApprover, awardStateRows, setAwardCancelled } from '../../../db/queries/award-stages';
import type { AwardProgram } from '../../../db/schema';
import { AWARD_STAGE_LABEL, type AwardStage, CANCELLED_STAGE } from '../../domain/awards';
import { AWARD_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatNumber } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';
import { assertNotOwnPlan, listNames } from './duties';
import { getAward } from './list';
import { assertProgramOpen, loadProgram } from './programs';
import type { AwardRow } from './types';

/** The awards with these ids, in the order asked; NOT_FOUND naming how many are missing. */
export function awardStates(db: Db, awardIds: number[]): AwardState[] {
  const rows = awardStateRows(db, awardIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = awardIds.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `${formatNumber(missing.length)} bantuan yang dipilih tidak ditemukan.`);
  }
  return [...new Set(awardIds)].map((id) => byId.get(id) as AwardState);
}

/** The programmes of these awards, each checked open (a closed programme is read-only). */
function openProgramsOf(db: Db, awards: AwardState[]): Map<number, AwardProgram> {
  const programs = new Map<number, AwardProgram>();
  for (const award of awards) {
    if (programs.has(award.programId)) continue;
    const program = loadProgram(db, award.programId);
    assertProgramOpen(program);
    programs.set(program.id, program);
  }
  return programs;
}

/** Refuses unless every award is in the stage, naming those that are not and where they stand. */
function assertStage(awards: AwardState[], stage: AwardStage, what: string) {
  const wrong = awards.filter((a) => a.stage !== stage);
  if (wrong.length === 0) return;
  const named = wrong.map((a) => `${a.nama} (${AWARD_STAGE_LABEL[a.stage].toLowerCase()})`);
  throw new AppError(
    'CONFLICT',
    `Hanya bantuan berstatus ${AWARD_STAGE_LABEL[stage].toLowerCase()} yang dapat ${what}: ${listNames(named)}.`,
  );
}

export function approveAwards(db: Db, actor: Actor, input: { awardIds: number[] }): { approved: number } {
  requireDuty(actor, AWARD_DUTIES.approve, 'menyetujui bantuan');
  return inWriteTransaction(db, () => {
    const awards = awardStates(db, input.awardIds);
    openProgramsOf(db, awards);
    assertStage(awards, 'planned', 'disetujui');
    assertNotOwnPlan(actor, awards);
    const now = new Date().toISOString();
    const approve = awardApprover(db, { from: 'planned', to: 'approved' });
    for (const award of awards) {
      approve(award.id, actor.id, actor.username, now);
      writeAudit(db, actor, {
        action: 'approve_award',
        entity: 'award',
        entityId: award.id,
        summary: `Bantuan untuk ${award.nama} disetujui`,
        before: { stage: award.stage },
        after: { stage: 'approved' },
      });
    }
    return { approved: awards.length };
  });
}

/** Cancels a planned or approved award with a reason; after handover only a correction changes it. */
export function cancelAward(db: Db, actor: Actor, input: { awardId: number; reason: string }): AwardRow {
  requireDuty(actor, AWARD_DUTIES.cancel, 'membatalkan bantuan');
  return inWriteTransaction(db, () => {
    const [award] = awardStates(db, [input.awardId]);
    openProgramsOf(db, [award]);
    if (award.stage === 'handed_over') {
      throw new AppError(
        'CONFLICT',
        `Bantuan untuk ${award.nama} sudah diserahkan; buat koreksi, bantuan yang sudah diserahkan tidak dapat dibatalkan.`,
      );
    }
    if (award.stage === 'cancelled') throw new AppError('CONFLICT', `Bantuan untuk ${award.nama} sudah dibatalkan.`);
    setAwardCancelled(db, award.id, {
      stage: CANCELLED_STAGE,
      at: new Date().toISOString(),
      by: actor.id,
      byName: actor.username,
      reason: input.reason,
    });
    writeAudit(db, actor, {
      action: 'cancel_award',
      entity: 'award',
      entityId: award.id,
      summary: `Bantuan untuk ${award.nama} dibatalkan: ${input.reason}`,
      before: { stage: award.stage },
      after: { stage: 'cancelled', reason: input.reason },
    });
    return getAward(db, award.id);
  });
}

/**
 * For the handover (handover.ts): the awards exist, are approved, not replaced by a correction, and
 * their programmes are open. Returns them in the order asked; run it inside the handover's write transaction.
 */
export function requireAwardsHandable(db: Db, awardIds: number[]): AwardState[] {
  const awards = awardStates(db, awardIds);
  openProgramsOf(db, awards);
  const corrected = awards.filter((a) => a.correctedBy !== null).map((a) => a.nama);
  if (corrected.length > 0) {
    throw new AppError('CONFLICT', `Bantuan untuk ${listNames(corrected)} sudah diganti oleh koreksi.`);
  }
  assertStage(awards, 'approved', 'diserahkan');
  return awards;
}
