/**
 * The documents' queries: the candidacy a family document rests on, the document of a kind a family holds, the
 * families of a decision, the numbering counters and the register.
 */

import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DocumentKind } from '../../main/domain/documents';
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import type { CandidateKind, CandidateStage, ItemDecision } from '../../main/domain/graduation';
import type { FamilyIdentity } from '../../main/domain/printed-document';
import type { Db } from '../open';
import { documents } from '../schema';
import { APPROVED_ITEM } from './graduation';
import { quotedList } from './sql-text';

/** The candidacy a family document rests on, with its decision when there is one. */
export interface Candidacy {
  candidateId: number;
  kind: CandidateKind;
  reasons: string[];
  pendampingId: number | null;
  decisionId: number | null;
  skNumber: string;
  skDate: string;
  /** The family's status date (the graduation date) when graduated. */
  statusDate: string;
}

interface CandidacyRow extends Omit<Candidacy, 'reasons'> {
  reasons: string;
}

const parse = (row: CandidacyRow | undefined): Candidacy | null =>
  row ? { ...row, reasons: JSON.parse(row.reasons) as string[] } : null;

/** The approved candidacy of a family graduated through an unreversed decision (the latest), or null. */
export function graduationOf(db: Db, kpmId: number): Candidacy | null {
  const row = db.$client
    .prepare<[number], CandidacyRow>(
      `SELECT c.id AS candidateId, c.kind, c.reasons, c.pendamping_id AS pendampingId, d.id AS decisionId,
              d.sk_number AS skNumber, d.sk_date AS skDate, k.status_date AS statusDate
       FROM graduation_candidates c
       JOIN kpm k ON k.id = c.kpm_id
       JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = ${APPROVED_ITEM}
       JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
       WHERE c.kpm_id = ? AND k.status IN (${quotedList(GRADUATED_STATUSES)})
       ORDER BY d.id DESC LIMIT 1`,
    )
    .get(kpmId);
  return parse(row);
}

/** The stages a mandiri candidacy ends in without a graduation: its statement is no longer wanted. */
const ENDED_UNGRADUATED = ['cancelled', 'rejected'] as const satisfies readonly CandidateStage[];

/** The family's latest mandiri candidacy that is not withdrawn or rejected (with its decision if approved). */
export function mandiriCandidacyOf(db: Db, kpmId: number): Candidacy | null {
  const row = db.$client
    .prepare<[number], CandidacyRow>(
      `SELECT c.id AS candidateId, c.kind, c.reasons, c.pendamping_id AS pendampingId, d.id AS decisionId,
              COALESCE(d.sk_number, '') AS skNumber, COALESCE(d.sk_date, '') AS skDate,
              CASE WHEN d.id IS NULL THEN '' ELSE COALESCE(k.status_date, '') END AS statusDate
       FROM graduation_candidates c
       JOIN kpm k ON k.id = c.kpm_id
       LEFT JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = ${APPROVED_ITEM}
       LEFT JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
       WHERE c.kpm_id = ? AND c.kind = 'mandiri' AND c.stage NOT IN (${quotedList(ENDED_UNGRADUATED)})
       ORDER BY c.id DESC, d.id DESC LIMIT 1`,
    )
    .get(kpmId);
  return parse(row);
}

/** The family's document of the kind still in force (not voided), if any. */
export function activeDocumentOf(db: Db, kind: DocumentKind, kpmId: number): { id: number; number: string } | null {
  return (
    db.$client
      .prepare<[string, number], { id: number; number: string }>(
        'SELECT id, number FROM documents WHERE kind = ? AND kpm_id = ? AND voided_at IS NULL ORDER BY id DESC LIMIT 1',
      )
      .get(kind, kpmId) ?? null
  );
}

/** The families a decision approved, by name (the order of a wisuda batch). */
export function approvedFamiliesOf(db: Db, decisionId: number): number[] {
  return db.$client
    .prepare<[number], number>(
      `SELECT c.kpm_id FROM decisions d
       JOIN proposal_items pi ON pi.proposal_id = d.proposal_id AND pi.decision = ${APPROVED_ITEM}
       JOIN graduation_candidates c ON c.id = pi.candidate_id
       JOIN kpm k ON k.id = c.kpm_id
       WHERE d.id = ? ORDER BY k.nama COLLATE NOCASE, k.id`,
    )
    .pluck()
    .all(decisionId);
}

/** Takes `count` more numbers of a sequence for a year; returns the last one taken. */
export function bumpSequence(db: Db, scope: string, year: number, count: number): number {
  return (
    db.$client
      .prepare<[string, number, number], { last: number }>(
        `INSERT INTO number_sequences (scope, year, last) VALUES (?, ?, ?)
         ON CONFLICT (scope, year) DO UPDATE SET last = last + excluded.last RETURNING last`,
      )
      .get(scope, year, count)?.last ?? count
  );
}

/** The years any sequence has numbers in. */
export function sequenceYears(db: Db): number[] {
  return db.$client.prepare('SELECT DISTINCT year FROM number_sequences').pluck().all() as number[];
}

/** The last number taken in a sequence for a year (0 for none). */
export function lastInSequence(db: Db, scope: string, year: number): number {
  return (
    (db.$client
      .prepare<[string, number]>('SELECT last FROM number_sequences WHERE scope = ? AND year = ?')
      .pluck()
      .get(scope, year) as number | undefined) ?? 0
  );
}

/** Raises a sequence to at least `last` for the year (never lowers it). */
export function raiseSequence(db: Db, scope: string, year: number, last: number): void {
  db.$client
    .prepare(
      `INSERT INTO number_sequences (scope, year, last) VALUES (?, ?, ?)
       ON CONFLICT (scope, year) DO UPDATE SET last = max(last, excluded.last)`,
    )
    .run(scope, year, last);
}

/** The register row a document is written as (documents table, named parameters; data as JSON). */
export type DocumentInsert = Record<string, unknown> & { json: string };

/** A statement that writes one new register row and returns its id. */
export function documentInserter(db: Db): (row: DocumentInsert) => number {
  const statement = db.$client.prepare(
    `INSERT INTO documents (kind, number, sequence_scope, year, sequence, issued_date, kpm_id, proposal_id, decision_id,
       batch_id, subject, signatory_name, data, template_version, verification_code, issued_by, issued_by_name, issued_at,
       print_count)
     VALUES (@kind, @number, @sequenceScope, @year, @sequence, @issuedDate, @kpmId, @proposalId, @decisionId, @batchId,
       @subject, @signatoryName, @json, @templateVersion, @verificationCode, @issuedBy, @issuedByName, @issuedAt,
       @printCount)`,
  );
  return (row) => Number(statement.run(row).lastInsertRowid);
}

/** The proposal's list of the kind still in force (its number), if any. */
export function activeListOf(db: Db, kind: DocumentKind, proposalId: number): string | null {
  return (
    (db.$client
      .prepare('SELECT number FROM documents WHERE kind = ? AND proposal_id = ? AND voided_at IS NULL LIMIT 1')
      .pluck()
      .get(kind, proposalId) as string | undefined) ?? null
  );
}

/** Counts one more print of each document. */
export function countPrints(db: Db, ids: readonly number[]): void {
  const count = db.$client.prepare('UPDATE documents SET print_count = print_count + 1 WHERE id = ?');
  for (const id of ids) count.run(id);
}

/** The print count one higher, as a value to set (Drizzle update of documents). */
export const ONE_MORE_PRINT = sql`${documents.printCount} + 1`;

/** Case-insensitive substring: instr() takes % and _ literally, as a user typing them means. */
export const contains = (column: SQLiteColumn, text: string) => sql`instr(lower(${column}), ${text.toLowerCase()}) > 0`;

/** A family of a proposal as its list documents print it, with the decision on its item. */
export interface ProposalItemRow {
  nama: string;
  nik: string;
  noKk: string;
  alamat: string;
  rt: string;
  rw: string;
  desa: string;
  kecamatan: string;
  kind: CandidateKind;
  pendamping: string;
  decision: ItemDecision | null;
  rejectReason: string | null;
}

/** Every family of a proposal, by kecamatan, desa and name (the order of its list documents). */
export function proposalItemRows(db: Db, proposalId: number): ProposalItemRow[] {
  return db.$client
    .prepare<[number], ProposalItemRow>(
      `SELECT k.nama, k.nik, k.no_kk AS noKk, k.alamat, k.rt, k.rw, COALESCE(v.name, '') AS desa,
              COALESCE(d.name, '') AS kecamatan, c.kind, COALESCE(p.name, '') AS pendamping,
              pi.decision, pi.reject_reason AS rejectReason
       FROM proposal_items pi
       JOIN graduation_candidates c ON c.id = pi.candidate_id
       JOIN kpm k ON k.id = c.kpm_id
       LEFT JOIN regions v ON v.code = k.village_code
       LEFT JOIN regions d ON d.code = k.district_code
       LEFT JOIN pendamping p ON p.id = COALESCE(c.pendamping_id, k.pendamping_id)
       WHERE pi.proposal_id = ?
       ORDER BY d.name, v.name, k.nama COLLATE NOCASE, k.id`,
    )
    .all(proposalId);
}

export interface ProposalHeading {
  id: number;
  number: string;
  year: number;
  title: string;
}

/** A proposal's number, year and title, or null when there is no such proposal. */
export function proposalHeading(db: Db, proposalId: number): ProposalHeading | null {
  return (
    db.$client
      .prepare<[number], ProposalHeading>('SELECT id, number, year, title FROM proposals WHERE id = ?')
      .get(proposalId) ?? null
  );
}

export interface DecisionInForce {
  id: number;
  skNumber: string;
  skDate: string;
}

/** The proposal's decision in force (not reversed), if any. */
export function decisionOf(db: Db, proposalId: number): DecisionInForce | null {
  return (
    db.$client
      .prepare<[number], DecisionInForce>(
        `SELECT id, sk_number AS skNumber, sk_date AS skDate FROM decisions
         WHERE proposal_id = ? AND reversed_at IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(proposalId) ?? null
  );
}

/** A family as its documents print it: identity, the names of its regions, its pendamping. */
export interface FamilyRow extends FamilyIdentity {
  villageCode: string;
  pendampingName: string | null;
  pendampingNip: string | null;
}

/**
 * The family with the names of its desa, kecamatan, kabupaten/kota and provinsi, and the pendamping given (its
 * registered one when null); null when there is no such family.
 */
export function familyRow(db: Db, kpmId: number, pendampingId: number | null): FamilyRow | null {
  return (
    db.$client
      .prepare<[number | null, number], FamilyRow>(
        `SELECT k.nama, k.nik, k.no_kk AS noKk, COALESCE(k.id_kpm, '') AS idKpm, k.alamat, k.rt, k.rw,
                k.village_code AS villageCode,
                COALESCE(v.name, '') AS desa, COALESCE(d.name, '') AS kecamatan,
                COALESCE(r.name, '') AS kabupaten, COALESCE(p.name, '') AS provinsi,
                pd.name AS pendampingName, pd.nip AS pendampingNip
         FROM kpm k
         LEFT JOIN regions v ON v.code = k.village_code
         LEFT JOIN regions d ON d.code = k.district_code
         LEFT JOIN regions r ON r.code = substr(k.district_code, 1, 4)
         LEFT JOIN regions p ON p.code = substr(k.district_code, 1, 2)
         LEFT JOIN pendamping pd ON pd.id = COALESCE(?, k.pendamping_id)
         WHERE k.id = ?`,
      )
      .get(pendampingId, kpmId) ?? null
  );
}

/** The witnesses recorded with a candidacy's signed statement, if any. */
export function statementWitnesses(
  db: Db,
  candidateId: number,
): { witnessPendamping: string; witnessKepalaDesa: string } | null {
  return (
    db.$client
      .prepare<[number], { witnessPendamping: string; witnessKepalaDesa: string }>(
        'SELECT witness_pendamping AS witnessPendamping, witness_kepala_desa AS witnessKepalaDesa FROM graduation_statements WHERE candidate_id = ?',
      )
      .get(candidateId) ?? null
  );
}
