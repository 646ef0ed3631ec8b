/**
 * Writing an award and its lines, shared by planning (many families, one package) and correction (one new,
 * linked award). Prepared statements: a plan for 1,000 families writes 1,000 awards, their lines and their audit.
 */
import type { Db } from '../../../db/open';
import { awardWriter, type HandoverColumns } from '../../../db/queries/award-stages';
import type { Actor } from '../actor';
import type { PricedPackage } from './package';

/** The columns of a new award besides its package and family. */
export interface NewAward {
  programId: number;
  businessType: string;
  notes: string;
  stage: 'planned' | 'handed_over';
  correctsAwardId?: number | null;
  correctionReason?: string | null;
  approvedBy?: number | null;
  approvedByName?: string | null;
  approvedAt?: string | null;
  handover?: HandoverColumns;
}

/** Inserts one award per family with the package's lines; returns the new ids in the families' order. */
export function insertAwards(db: Db, actor: Actor, award: NewAward, pkg: PricedPackage, kpmIds: number[]): number[] {
  const writer = awardWriter(db);
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
    const id = writer.award({ ...values, kpmId });
    pkg.lines.forEach((l, i) => {
      writer.line([id, i + 1, l.itemId, l.itemName, l.unit, l.quantity, l.unitPrice, l.amount]);
    });
    return id;
  });
}
