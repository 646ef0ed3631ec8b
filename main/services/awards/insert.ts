/**
 * Writing an award and its lines, shared by planning (many families, one package) and correction (one new,
 * linked award). Prepared statements: a plan for 1,000 families writes 1,000 awards, their lines and their audit.
 */
import type { Db } from '../../../db/open';
import type { Actor } from '../actor';
import type { PricedPackage } from './package';

/** The columns of a new award besides its package and family. */
export interface NewAward {
  programId: number;
  businessType: string;
  notes: string;
  stage: 'direncanakan' | 'diserahkan';
  correctsAwardId?: number | null;
  correctionReason?: string | null;
  approvedBy?: number | null;
  approvedByName?: string | null;
  approvedAt?: string | null;
  handover?: {
    handoverDate: string | null;
    handoverPlace: string | null;
    receiverName: string | null;
    receiverRelationship: string | null;
    witnesses: string | null;
    bastDocumentId: number | null;
    handedOverBy: number | null;
    handedOverByName: string | null;
  };
}

/** Inserts one award per family with the package's lines; returns the new ids in the families' order. */
export function insertAwards(db: Db, actor: Actor, award: NewAward, pkg: PricedPackage, kpmIds: number[]): number[] {
  const insertAward = db.$client.prepare(
    `INSERT INTO awards (program_id, kpm_id, stage, business_type, cash, total, notes, corrects_award_id,
       correction_reason, planned_by, planned_by_name, planned_at, approved_by, approved_by_name, approved_at,
       handover_date, handover_place, receiver_name, receiver_relationship, witnesses, bast_document_id,
       handed_over_by, handed_over_by_name)
     VALUES (@programId, @kpmId, @stage, @businessType, @cash, @total, @notes, @correctsAwardId, @correctionReason,
       @plannedBy, @plannedByName, @plannedAt, @approvedBy, @approvedByName, @approvedAt, @handoverDate,
       @handoverPlace, @receiverName, @receiverRelationship, @witnesses, @bastDocumentId, @handedOverBy,
       @handedOverByName)`,
  );
  const insertLine = db.$client.prepare(
    `INSERT INTO award_lines (award_id, line_no, item_id, item_name, unit, quantity, unit_price, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const handover = award.handover ?? {
    handoverDate: null,
    handoverPlace: null,
    receiverName: null,
    receiverRelationship: null,
    witnesses: null,
    bastDocumentId: null,
    handedOverBy: null,
    handedOverByName: null,
  };
  const values = {
    programId: award.programId,
    stage: award.stage,
    businessType: award.businessType,
    cash: pkg.cash,
    total: pkg.total,
    notes: award.notes,
    correctsAwardId: award.correctsAwardId ?? null,
    correctionReason: award.correctionReason ?? null,
    plannedBy: actor.id,
    plannedByName: actor.username,
    plannedAt: now,
    approvedBy: award.approvedBy ?? null,
    approvedByName: award.approvedByName ?? null,
    approvedAt: award.approvedAt ?? null,
    ...handover,
  };
  return kpmIds.map((kpmId) => {
    const id = Number(insertAward.run({ ...values, kpmId }).lastInsertRowid);
    pkg.lines.forEach((l, i) => {
      insertLine.run(id, i + 1, l.itemId, l.itemName, l.unit, l.quantity, l.unitPrice, l.amount);
    });
    return id;
  });
}
