/**
 * The decision (penetapan) on a submitted proposal and its reversal. Deciding sets
 * every approved family's status, exit type, reason and date and schedules its follow-up visits; all families
 * or none, in one transaction, each audited. The per-family writes are prepared once and run per family,
 * so a 2,000-family decree stays well within a couple of seconds.
 */

import { eq, inArray } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { decisionWrites, dropOpenVisits, reversalWrites } from '../../../db/queries/graduation';
import {
  type Decision,
  decisions,
  exitTypes,
  graduationCandidates,
  graduationSettings,
  graduationStatements,
  kpm,
  proposalItems,
  proposals,
} from '../../../db/schema';
import { addMonths } from '../../domain/dates';
import type { DecideInput, ReverseInput } from '../../domain/decision';
import { GRADUATION_DUTIES } from '../../domain/decision';
import { AppError } from '../../domain/errors';
import { formatNames } from '../../domain/format';
import { type CandidateKind, MANDIRI_REASON_LABEL, type MandiriReason } from '../../domain/graduation';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { pastDate, requiredText } from './checked-input';
import { ownWorkRefusal } from './own-work';
import { loadProposal } from './proposals';

interface ItemRow {
  candidateId: number;
  kpmId: number;
  nama: string;
  kind: CandidateKind;
  reasons: string[];
  decision: 'approved' | 'rejected' | null;
}

function proposalItemsOf(db: Db, proposalId: number): ItemRow[] {
  return db
    .select({
      candidateId: graduationCandidates.id,
      kpmId: kpm.id,
      nama: kpm.nama,
      kind: graduationCandidates.kind,
      reasons: graduationCandidates.reasons,
      decision: proposalItems.decision,
    })
    .from(proposalItems)
    .innerJoin(graduationCandidates, eq(graduationCandidates.id, proposalItems.candidateId))
    .innerJoin(kpm, eq(kpm.id, graduationCandidates.kpmId))
    .where(eq(proposalItems.proposalId, proposalId))
    .all();
}

/** The status reason an approved family carries: its candidacy's reasons and the decree. */
function statusReason(item: ItemRow, skNumber: string): string {
  const reasons = item.reasons.map((r) => MANDIRI_REASON_LABEL[r as MandiriReason] ?? r).join(', ');
  const decree = `Penetapan SK ${skNumber}`;
  const text = reasons ? `${reasons}; ${decree}` : decree;
  return text.length <= 200 ? text : `${reasons.slice(0, 200 - decree.length - 5)}...; ${decree}`;
}

/** Checks the per-family answers against the proposal: every family once, reasons for rejections, statements. */
function checkedAnswers(db: Db, input: DecideInput, items: ItemRow[]) {
  const byId = new Map(input.items.map((i) => [i.candidateId, i]));
  const missing = items.filter((i) => !byId.has(i.candidateId)).map((i) => i.nama);
  if (missing.length > 0) throw new AppError('INVALID_INPUT', `Keputusan untuk ${formatNames(missing)} belum diisi.`);
  if (byId.size !== items.length || input.items.length !== items.length) {
    throw new AppError(
      'INVALID_INPUT',
      'Keputusan memuat keluarga yang tidak ada di usulan ini, atau satu keluarga dua kali.',
    );
  }
  const noReason = items.filter(
    (i) => byId.get(i.candidateId)?.decision === 'rejected' && !byId.get(i.candidateId)?.rejectReason.trim(),
  );
  if (noReason.length > 0)
    throw new AppError('INVALID_INPUT', `Alasan penolakan ${formatNames(noReason.map((i) => i.nama))} wajib diisi.`, {
      fields: { items: 'Isi alasan setiap penolakan.' },
    });
  const mandiri = items.filter((i) => i.kind === 'mandiri' && byId.get(i.candidateId)?.decision === 'approved');
  if (mandiri.length > 0) {
    const signed = new Set(
      db
        .select({ id: graduationStatements.candidateId })
        .from(graduationStatements)
        .where(
          inArray(
            graduationStatements.candidateId,
            mandiri.map((i) => i.candidateId),
          ),
        )
        .all()
        .map((r) => r.id),
    );
    const unsigned = mandiri.filter((i) => !signed.has(i.candidateId)).map((i) => i.nama);
    if (unsigned.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Surat pernyataan ${formatNames(unsigned)} belum dicatat; calon graduasi mandiri tidak dapat disetujui tanpa surat pernyataan yang ditandatangani.`,
      );
    }
  }
  return byId;
}

function builtinExitTypes(db: Db): Record<CandidateKind, number> {
  const rows = db.select().from(exitTypes).where(eq(exitTypes.builtin, true)).all();
  const find = (kind: string) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new AppError('INTERNAL', `Jenis keluar bawaan "${kind}" tidak ditemukan.`);
    return row.id;
  };
  return { mandiri: find('graduasi_mandiri'), alamiah: find('graduasi_alamiah') };
}

/**
 * Every refusal of a decision, read-only: the dispatcher runs it before the backup a decision takes (a call
 * refused here must not cost a copy of the database), and decideProposal again inside its transaction, where
 * it counts.
 */
export function checkDecidable(db: Db, actor: Actor, input: DecideInput) {
  requireDuty(actor, GRADUATION_DUTIES.decide, 'menetapkan keputusan graduasi');
  const skNumber = requiredText('Nomor SK', 100, input.skNumber, 'skNumber');
  const skDate = pastDate('Tanggal SK', input.skDate, 'skDate');
  const proposal = loadProposal(db, input.proposalId);
  if (proposal.status !== 'submitted') {
    throw new AppError(
      'CONFLICT',
      proposal.status === 'draft'
        ? `Usulan ${proposal.number} belum diajukan.`
        : `Usulan ${proposal.number} sudah diputuskan.`,
    );
  }
  const items = proposalItemsOf(db, proposal.id);
  const refusal = ownWorkRefusal(db, actor.id, proposal, items);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  return { skNumber, skDate, proposal, items, answers: checkedAnswers(db, input, items) };
}

export function decideProposal(db: Db, actor: Actor, input: DecideInput): Decision {
  return inTransaction(db, () => {
    const { skNumber, skDate, proposal, items, answers } = checkDecidable(db, actor, input);
    const exitTypeOf = builtinExitTypes(db);
    const months = db.select({ m: graduationSettings.visitMonths }).from(graduationSettings).get()?.m ?? [3, 6, 12];
    const now = new Date().toISOString();
    const decision = db
      .insert(decisions)
      .values({
        proposalId: proposal.id,
        skNumber,
        skDate,
        decidedBy: actor.id,
        decidedByName: actor.username,
        decidedAt: now,
      })
      .returning()
      .get();
    const writes = decisionWrites(db);
    const dueDates = months.map((m) => [m, addMonths(skDate, m)] as const);
    for (const item of items) {
      const answer = answers.get(item.candidateId);
      if (!answer) continue;
      const approved = answer.decision === 'approved';
      const reject = approved ? null : answer.rejectReason.trim();
      writes.setItem(proposal.id, item.candidateId, answer.decision, reject);
      writes.setStage(item.candidateId, answer.decision, approved ? `Penetapan SK ${skNumber}` : reject, now);
      if (!approved) {
        writeAudit(db, actor, {
          action: 'graduation_rejected',
          entity: 'kpm',
          entityId: item.kpmId,
          summary: `Usulan graduasi ${item.nama} ditolak (SK ${skNumber}): ${reject}`,
        });
        continue;
      }
      const after = {
        status: item.kind === 'mandiri' ? ('graduasi_mandiri' as const) : ('graduasi_alamiah' as const),
        exitTypeId: exitTypeOf[item.kind],
        statusReason: statusReason(item, skNumber),
        statusDate: skDate,
      };
      if (!writes.graduate(item.kpmId, after, now)) {
        throw new AppError(
          'CONFLICT',
          `${item.nama} tidak lagi berstatus aktif; penetapan dibatalkan seluruhnya, tidak ada keluarga yang diubah.`,
        );
      }
      for (const [m, due] of dueDates) writes.addVisit(item.kpmId, decision.id, m, due);
      writeAudit(db, actor, {
        action: 'graduate',
        entity: 'kpm',
        entityId: item.kpmId,
        summary: `${item.nama} ditetapkan graduasi (SK ${skNumber}, ${skDate})`,
        before: { status: 'aktif', exitTypeId: null, statusReason: null, statusDate: null },
        after,
      });
    }
    db.update(proposals).set({ status: 'decided' }).where(eq(proposals.id, proposal.id)).run();
    const approvedCount = input.items.filter((i) => i.decision === 'approved').length;
    writeAudit(db, actor, {
      action: 'decide',
      entity: 'proposal',
      entityId: proposal.id,
      summary: `Usulan ${proposal.number} diputuskan dengan SK ${skNumber}: ${approvedCount} disetujui, ${items.length - approvedCount} ditolak`,
      after: { decision, items: input.items },
    });
    return decision;
  });
}

/**
 * Reverses a decision recorded by mistake: families back to aktif, candidates back in the (again submitted)
 * proposal, unvisited follow-up visits removed; the decision row stays, marked reversed.
 */
/** Every refusal of a reversal, read-only (run before the backup, as checkDecidable). */
export function checkReversible(db: Db, actor: Actor, input: ReverseInput) {
  requireDuty(actor, GRADUATION_DUTIES.decide, 'membatalkan keputusan graduasi');
  const reason = requiredText('Alasan pembatalan', 500, input.reason, 'reason');
  const decision = db.select().from(decisions).where(eq(decisions.id, input.decisionId)).get();
  if (!decision) throw new AppError('NOT_FOUND', 'Keputusan tidak ditemukan.');
  if (decision.reversedAt) throw new AppError('CONFLICT', `Keputusan SK ${decision.skNumber} sudah dibatalkan.`);
  return { reason, decision };
}

export function reverseDecision(db: Db, actor: Actor, input: ReverseInput): Decision {
  return inTransaction(db, () => {
    const { reason, decision } = checkReversible(db, actor, input);
    const proposal = loadProposal(db, decision.proposalId);
    const items = proposalItemsOf(db, proposal.id);
    const now = new Date().toISOString();
    const writes = reversalWrites(db);
    for (const item of items) {
      if (item.decision !== 'approved') {
        if (item.decision === 'rejected') {
          writeAudit(db, actor, {
            action: 'graduation_reversed',
            entity: 'kpm',
            entityId: item.kpmId,
            summary: `Penolakan graduasi ${item.nama} (SK ${decision.skNumber}) dibatalkan: ${reason}`,
          });
        }
        continue;
      }
      const before = writes.exitOf(item.kpmId);
      if (!writes.restore(item.kpmId, decision.skDate, now)) {
        throw new AppError(
          'CONFLICT',
          `Status ${item.nama} sudah berubah sejak penetapan; pembatalan tidak dilakukan untuk keluarga mana pun.`,
        );
      }
      writeAudit(db, actor, {
        action: 'graduation_reversed',
        entity: 'kpm',
        entityId: item.kpmId,
        summary: `Graduasi ${item.nama} (SK ${decision.skNumber}) dibatalkan: ${reason}`,
        before,
        after: { status: 'aktif', exitTypeId: null, statusReason: null, statusDate: null },
      });
    }
    const ids = items.map((i) => i.candidateId);
    if (ids.length > 0) {
      // Back in a submitted proposal awaiting a new decision: the stage that means exactly that.
      db.update(graduationCandidates)
        .set({ stage: 'proposed', closedReason: null, updatedAt: now })
        .where(inArray(graduationCandidates.id, ids))
        .run();
    }
    db.update(proposalItems)
      .set({ decision: null, rejectReason: null })
      .where(eq(proposalItems.proposalId, proposal.id))
      .run();
    dropOpenVisits(db, decision.id);
    db.update(proposals).set({ status: 'submitted' }).where(eq(proposals.id, proposal.id)).run();
    const row = db
      .update(decisions)
      .set({ reversedAt: now, reversedBy: actor.id, reversedByName: actor.username, reverseReason: reason })
      .where(eq(decisions.id, decision.id))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'reverse_decision',
      entity: 'proposal',
      entityId: proposal.id,
      summary: `Keputusan SK ${decision.skNumber} atas usulan ${proposal.number} dibatalkan: ${reason}`,
      before: { decision, items: items.map((i) => ({ candidateId: i.candidateId, decision: i.decision })) },
      after: row,
    });
    return row;
  });
}
