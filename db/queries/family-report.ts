/**
 * The family data report's queries (UU PDP: what the office keeps about one family): each part of the report
 * reads its own tables here, by the family's id, in the order the report prints.
 */
import type { AwardStage } from '../../main/domain/awards';
import type { DocumentKind } from '../../main/domain/documents';
import type { CandidateKind, CandidateStage, ProposalStatus, Recommendation } from '../../main/domain/graduation';
import type { Db } from '../open';

function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

/** A pendamping's NIP and phone. */
export function pendampingContact(db: Db, pendampingId: number): { nip: string | null; phone: string } | undefined {
  return rows<{ nip: string | null; phone: string }>(
    db,
    'SELECT nip, phone FROM pendamping WHERE id = ?',
    pendampingId,
  )[0];
}

/** The family's audit rows, oldest first. */
export function familyAudit(db: Db, kpmId: number) {
  return rows<{ at: string; username: string; action: string; summary: string }>(
    db,
    `SELECT at, username, action, summary FROM audit_log WHERE entity = 'kpm' AND entity_id = ? ORDER BY id`,
    kpmId,
  );
}

/** The family's candidacies, oldest first. */
export function familyCandidacies(db: Db, kpmId: number) {
  return rows<{ kind: CandidateKind; stage: CandidateStage; createdAt: string; by: string; closed: string | null }>(
    db,
    `SELECT kind, stage, created_at AS createdAt, created_by_name AS by, closed_reason AS closed
     FROM graduation_candidates WHERE kpm_id = ? ORDER BY id`,
    kpmId,
  );
}

/** The verification visits of the family's candidacies, oldest first. */
export function familyAssessments(db: Db, kpmId: number) {
  return rows<{ date: string; by: string; score: number; rec: Recommendation }>(
    db,
    `SELECT a.visit_date AS date, a.verifier_name AS by, a.score, a.recommendation AS rec
     FROM assessments a JOIN graduation_candidates c ON c.id = a.candidate_id WHERE c.kpm_id = ? ORDER BY a.id`,
    kpmId,
  );
}

/** The signed statements of the family's candidacies. */
export function familyStatements(db: Db, kpmId: number) {
  return rows<{ date: string; place: string; pendamping: string; kades: string }>(
    db,
    `SELECT s.signed_date AS date, s.place, s.witness_pendamping AS pendamping, s.witness_kepala_desa AS kades
     FROM graduation_statements s JOIN graduation_candidates c ON c.id = s.candidate_id WHERE c.kpm_id = ?`,
    kpmId,
  );
}

/** The proposals the family was in, with each decision on them (reversed ones too). */
export function familyProposalItems(db: Db, kpmId: number) {
  return rows<{
    number: string;
    status: ProposalStatus;
    decision: string | null;
    reason: string | null;
    sk: string | null;
    skDate: string | null;
    reversed: string | null;
  }>(
    db,
    `SELECT p.number, p.status, i.decision, i.reject_reason AS reason, d.sk_number AS sk, d.sk_date AS skDate,
            d.reverse_reason AS reversed
     FROM proposal_items i JOIN graduation_candidates c ON c.id = i.candidate_id
     JOIN proposals p ON p.id = i.proposal_id LEFT JOIN decisions d ON d.proposal_id = p.id
     WHERE c.kpm_id = ? ORDER BY p.id, d.id`,
    kpmId,
  );
}

/** The documents issued to the family, voided ones too. */
export function familyDocuments(db: Db, kpmId: number) {
  return rows<{ number: string; kind: DocumentKind; date: string; voided: string | null }>(
    db,
    'SELECT number, kind, issued_date AS date, void_reason AS voided FROM documents WHERE kpm_id = ? ORDER BY id',
    kpmId,
  );
}

/** The family's awards (every stage, corrections too) with their programme and BAST number. */
export function familyAwards(db: Db, kpmId: number) {
  return rows<{
    id: number;
    program: string;
    stage: AwardStage;
    total: number;
    cash: number;
    handover: string | null;
    bast: string | null;
  }>(
    db,
    `SELECT a.id, p.name AS program, a.stage, a.total, a.cash, a.handover_date AS handover, d.number AS bast
     FROM awards a JOIN award_programs p ON p.id = a.program_id LEFT JOIN documents d ON d.id = a.bast_document_id
     WHERE a.kpm_id = ? ORDER BY a.id`,
    kpmId,
  );
}

/** The goods of the family's awards, by award and line. */
export function familyAwardLines(db: Db, kpmId: number) {
  return rows<{ awardId: number; item: string; unit: string; quantity: number }>(
    db,
    `SELECT l.award_id AS awardId, l.item_name AS item, l.unit, l.quantity FROM award_lines l
     JOIN awards a ON a.id = l.award_id WHERE a.kpm_id = ? ORDER BY l.award_id, l.line_no`,
    kpmId,
  );
}

/** The family's follow-up visits by due date. */
export function familyVisits(db: Db, kpmId: number) {
  return rows<{ due: string; visited: string | null; by: string | null; running: number | null; notes: string }>(
    db,
    `SELECT due_date AS due, visited_date AS visited, visitor_name AS by, business_running AS running, notes
     FROM follow_up_visits WHERE kpm_id = ? ORDER BY due_date`,
    kpmId,
  );
}
