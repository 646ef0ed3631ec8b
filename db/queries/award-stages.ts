/**
 * The award stages' reads and writes: an award's state for the stage rules, the correction chain, the stage
 * changes (approval, cancellation, handover) and the families of a handover day. Each change names the stage
 * it moves from, so an award changed meanwhile by another user changes nothing.
 */
import type { AwardStage } from '../../main/domain/awards';
import type { RecipientRow } from '../../main/domain/printed-document';
import type { Db } from '../open';
import { NOT_REPLACED } from './awards';
import { prepareCached } from './kpm-search';

/** What the stage rules need of an award. */
export interface AwardState {
  id: number;
  programId: number;
  kpmId: number;
  nama: string;
  stage: AwardStage;
  total: number;
  plannedBy: number | null;
  correctedBy: number | null;
}

/** The awards with these ids that exist, in no order. */
export function awardStateRows(db: Db, awardIds: readonly number[]): AwardState[] {
  return prepareCached(
    db,
    `SELECT a.id, a.program_id AS programId, a.kpm_id AS kpmId, k.nama, a.stage, a.total, a.planned_by AS plannedBy,
       (SELECT c.id FROM awards c WHERE c.corrects_award_id = a.id) AS correctedBy
     FROM awards a JOIN kpm k ON k.id = a.kpm_id WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(awardIds)) as AwardState[];
}

/** The award that corrects this one, if any. */
export function correctionOf(db: Db, awardId: number): number | undefined {
  return prepareCached(db, 'SELECT id FROM awards WHERE corrects_award_id = ?').pluck().get(awardId) as
    | number
    | undefined;
}

/** The handover columns of an award, as a correction copies them. */
export interface HandoverColumns {
  handoverDate: string | null;
  handoverPlace: string | null;
  receiverName: string | null;
  receiverRelationship: string | null;
  witnesses: string | null;
  bastDocumentId: number | null;
  handedOverBy: number | null;
  handedOverByName: string | null;
}

export function handoverColumns(db: Db, awardId: number): HandoverColumns {
  return prepareCached(
    db,
    `SELECT handover_date AS handoverDate, handover_place AS handoverPlace, receiver_name AS receiverName,
       receiver_relationship AS receiverRelationship, witnesses, bast_document_id AS bastDocumentId,
       handed_over_by AS handedOverBy, handed_over_by_name AS handedOverByName
     FROM awards WHERE id = ?`,
  ).get(awardId) as HandoverColumns;
}

/** A statement approving one award still in the `from` stage: (award id, approver id, name, time). */
export function awardApprover(
  db: Db,
  stages: { from: AwardStage; to: AwardStage },
): (awardId: number, by: number | null, byName: string, at: string) => void {
  const statement = db.$client.prepare(
    'UPDATE awards SET stage = ?, approved_by = ?, approved_by_name = ?, approved_at = ? WHERE id = ? AND stage = ?',
  );
  return (awardId, by, byName, at) => {
    statement.run(stages.to, by, byName, at, awardId, stages.from);
  };
}

/** Moves an award to the cancelled stage with who, when and why. */
export function setAwardCancelled(
  db: Db,
  awardId: number,
  cancelled: { stage: AwardStage; at: string; by: number | null; byName: string; reason: string },
): void {
  db.$client
    .prepare(
      'UPDATE awards SET stage = ?, cancelled_at = ?, cancelled_by = ?, cancelled_by_name = ?, cancel_reason = ? WHERE id = ?',
    )
    .run(cancelled.stage, cancelled.at, cancelled.by, cancelled.byName, cancelled.reason, awardId);
}

/** Records an award's handover if it is still in the `from` stage; returns how many rows changed (0 or 1). */
export function setAwardHandedOver(
  db: Db,
  awardId: number,
  stages: { from: AwardStage; to: AwardStage },
  handover: HandoverColumns,
): number {
  return db.$client
    .prepare(
      `UPDATE awards SET stage = ?, handover_date = ?, handover_place = ?, receiver_name = ?,
         receiver_relationship = ?, witnesses = ?, bast_document_id = ?, handed_over_by = ?, handed_over_by_name = ?
       WHERE id = ? AND stage = ?`,
    )
    .run(
      stages.to,
      handover.handoverDate,
      handover.handoverPlace,
      handover.receiverName,
      handover.receiverRelationship,
      handover.witnesses,
      handover.bastDocumentId,
      handover.handedOverBy,
      handover.handedOverByName,
      awardId,
      stages.from,
    ).changes;
}

/** An award as the handover and its BAST read it, with its family's name. */
export interface HandoverAwardRow {
  id: number;
  programId: number;
  kpmId: number;
  nama: string;
  stage: string;
  businessType: string;
  cash: number;
  total: number;
  approvedAt: string | null;
}

/** The awards with these ids that exist, in no order. */
export function handoverAwardRows(db: Db, ids: readonly number[]): HandoverAwardRow[] {
  return db.$client
    .prepare<[string], HandoverAwardRow>(
      `SELECT a.id, a.program_id AS programId, a.kpm_id AS kpmId, k.nama, a.stage, a.business_type AS businessType,
              a.cash, a.total, a.approved_at AS approvedAt
       FROM awards a JOIN kpm k ON k.id = a.kpm_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
}

/** A family of a handover day's list, before its package text. */
export type RecipientSource = Omit<RecipientRow, 'packageText'> & { id: number; cash: number; place: string | null };

const RECIPIENT_SQL = (where: string) =>
  `SELECT a.id, k.nama, k.nik, COALESCE(v.name, '') AS desa, COALESCE(d.name, '') AS kecamatan, a.total, a.cash,
          a.handover_place AS place,
          CASE WHEN a.receiver_relationship IS NOT NULL AND a.receiver_relationship <> 'pengurus'
               THEN 'diwakili ' || a.receiver_name || ', ' || a.receiver_relationship ELSE '' END AS note
   FROM awards a
   JOIN kpm k ON k.id = a.kpm_id
   LEFT JOIN regions v ON v.code = k.village_code
   LEFT JOIN regions d ON d.code = k.district_code
   WHERE a.program_id = @programId AND a.stage = @stage ${where}
     AND ${NOT_REPLACED}
   ORDER BY d.name, v.name, k.nama COLLATE NOCASE, a.id`;

/**
 * The programme's awards in the stage not replaced by a correction, handed over on the date when one is given,
 * by kecamatan, desa and name.
 */
export function recipientSources(
  db: Db,
  programId: number,
  stage: AwardStage,
  handoverDate?: string,
): RecipientSource[] {
  if (handoverDate === undefined) {
    return db.$client
      .prepare<{ programId: number; stage: AwardStage }, RecipientSource>(RECIPIENT_SQL(''))
      .all({ programId, stage });
  }
  return db.$client
    .prepare<{ programId: number; stage: AwardStage; date: string }, RecipientSource>(
      RECIPIENT_SQL('AND a.handover_date = @date'),
    )
    .all({ programId, stage, date: handoverDate });
}

/** A new award's columns (named parameters of the insert), its family included. */
export type AwardInsert = Record<string, unknown> & { kpmId: number };

/** A new award's line: (award id, line number, item id, item name, unit, quantity, unit price, amount). */
export type AwardLineInsert = [number, number, number, string, string, number, number, number];

/** Statements writing new awards and their lines; each award returns its new id. */
export function awardWriter(db: Db): { award(row: AwardInsert): number; line(values: AwardLineInsert): void } {
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
  return {
    award: (row) => Number(insertAward.run(row).lastInsertRowid),
    line: (values) => {
      insertLine.run(...values);
    },
  };
}
