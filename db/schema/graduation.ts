import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import {
  CANDIDATE_KINDS,
  CANDIDATE_STAGES,
  EXIT_KINDS,
  INCOME_BANDS,
  ITEM_DECISIONS,
  OPEN_STAGES,
  PROPOSAL_STATUS,
  RECOMMENDATIONS,
  TARGET_MODES,
} from '../../main/domain/graduation';
import type { P2k2Source } from '../../main/domain/p2k2-criteria';
import { kpm } from './kpm';
import { pendamping } from './pendamping';

/** Exit types: the two graduations and the office's other exits (an administrator may add more). */
export const exitTypes = sqliteTable('exit_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: EXIT_KINDS }).notNull(),
  /** The defaults cannot be removed or renamed; the office's own can be switched off. */
  builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A family on the graduation path, from candidate to decision. */
export const graduationCandidates = sqliteTable(
  'graduation_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    kind: text('kind', { enum: CANDIDATE_KINDS }).notNull(),
    /** MANDIRI_REASONS codes (mandiri) or the derivation's summary (alamiah). */
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    notes: text('notes').notNull().default(''),
    stage: text('stage', { enum: CANDIDATE_STAGES }).notNull().default('candidate'),
    /** The pendamping of the family when it was proposed (targets count graduations per pendamping). */
    pendampingId: integer('pendamping_id').references(() => pendamping.id),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedReason: text('closed_reason'),
  },
  (t) => [
    // One open candidacy per family; decided and withdrawn ones stay as history.
    uniqueIndex('candidate_open_uq')
      .on(t.kpmId)
      .where(sql.raw(`stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(', ')})`)),
    // Covering for the reports' pipeline counts: a candidate's family is found without reading the candidate row.
    index('candidate_stage_idx').on(t.stage, t.pendampingId, t.kpmId),
    index('candidate_kpm_idx').on(t.kpmId),
    // Covering for Beranda's pipeline: the candidacies closed in a year are counted without reading their rows
    // (about 1.2 to 0.7 ms at 5,000 candidacies).
    index('candidate_stage_updated_idx').on(t.stage, t.updatedAt),
  ],
);

/**
 * The open candidacies (OPEN_STAGES: candidate, verified, proposed) counted per desa, candidate's pendamping and stage: kept in
 * step with graduation_candidates and the families' places by triggers (migration open_candidate_counts), so the
 * reports' pipeline columns read a few thousand counts instead of finding each candidate's family. pendamping_key is
 * the candidate's pendamping id, 0 for none (a key column cannot be NULL).
 */
export const openCandidateCounts = sqliteTable(
  'open_candidate_counts',
  {
    districtCode: text('district_code').notNull(),
    villageCode: text('village_code').notNull(),
    pendampingKey: integer('pendamping_key').notNull(),
    stage: text('stage', { enum: OPEN_STAGES }).notNull(),
    candidates: integer('candidates').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.villageCode, t.pendampingKey, t.stage] }),
    index('open_candidate_counts_pendamping_idx').on(t.pendampingKey),
  ],
);

/**
 * The decided graduations, one row per family: a family whose status is a graduation and that came through an
 * approved item of an unreversed decision (graduated.ts's rule), with its status date and place and the candidate's
 * pendamping (of the first such decision). Kept by triggers (migration decided_graduations) in step with the families,
 * candidacies, proposal items and decisions, so Beranda and the reports read the year's graduations by date instead
 * of joining every decision down to its families on each open.
 */
export const decidedGraduations = sqliteTable(
  'decided_graduations',
  {
    kpmId: integer('kpm_id').primaryKey(),
    status: text('status', { enum: GRADUATED_STATUSES }).notNull(),
    statusDate: text('status_date'),
    districtCode: text('district_code').notNull(),
    villageCode: text('village_code').notNull(),
    pendampingId: integer('pendamping_id'),
  },
  (t) => [
    // Covering: the year's graduations are read by date without touching the rows.
    index('decided_graduations_date_idx').on(
      t.statusDate,
      t.kpmId,
      t.status,
      t.districtCode,
      t.villageCode,
      t.pendampingId,
    ),
  ],
);

/** The office's weighted assessment criteria; options carry their scores (see main/domain/assessment.ts). */
export const assessmentCriteria = sqliteTable('assessment_criteria', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  label: text('label').notNull(),
  weight: integer('weight').notNull(),
  required: integer('required', { mode: 'boolean' }).notNull().default(false),
  options: text('options', { mode: 'json' }).$type<{ code: string; label: string; score: number }[]>().notNull(),
  /** null: the verifikator answers; else the P2K2 condition the service answers it from (p2k2-criteria.ts). */
  source: text('source', { mode: 'json' }).$type<P2k2Source>(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** One verification visit (verifikasi ulang); the latest counts, all are kept. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => graduationCandidates.id),
    verifierId: integer('verifier_id'),
    verifierName: text('verifier_name').notNull(),
    visitDate: text('visit_date').notNull(),
    /** criterion code -> option code */
    answers: text('answers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** The criteria as they were scored, so a later edit of the criteria does not change this result. */
    criteria: text('criteria', { mode: 'json' }).notNull(),
    score: integer('score').notNull(),
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }).notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('assessment_candidate_idx').on(t.candidateId, t.id)],
);

/** The signed surat pernyataan of a mandiri candidate: the data the printed letter will carry. */
export const graduationStatements = sqliteTable('graduation_statements', {
  candidateId: integer('candidate_id')
    .primaryKey()
    .references(() => graduationCandidates.id),
  signedDate: text('signed_date').notNull(),
  witnessPendamping: text('witness_pendamping').notNull(),
  witnessKepalaDesa: text('witness_kepala_desa').notNull(),
  place: text('place').notNull().default(''),
  recordedBy: integer('recorded_by'),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/** A numbered proposal (usulan) bundling verified candidates for a period. */
export const proposals = sqliteTable('proposals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  status: text('status', { enum: PROPOSAL_STATUS }).notNull().default('draft'),
  createdBy: integer('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: text('created_at').notNull(),
  submittedAt: text('submitted_at'),
});

export const proposalItems = sqliteTable(
  'proposal_items',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => graduationCandidates.id),
    decision: text('decision', { enum: ITEM_DECISIONS }),
    rejectReason: text('reject_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.candidateId] }),
    uniqueIndex('proposal_item_candidate_uq').on(t.candidateId),
    // The approved items of a decision's proposal, read by every count of decided graduations without the rows.
    index('proposal_item_decision_idx').on(t.proposalId, t.decision, t.candidateId),
  ],
);

/** The decision (penetapan) on a proposal: decree number and date, who decided; a reversal keeps it. */
export const decisions = sqliteTable('decisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  proposalId: integer('proposal_id')
    .notNull()
    .references(() => proposals.id),
  skNumber: text('sk_number').notNull(),
  skDate: text('sk_date').notNull(),
  decidedBy: integer('decided_by'),
  decidedByName: text('decided_by_name').notNull(),
  decidedAt: text('decided_at').notNull(),
  reversedAt: text('reversed_at'),
  reversedBy: integer('reversed_by'),
  reversedByName: text('reversed_by_name'),
  reverseReason: text('reverse_reason'),
});

/** Targets per year: the office's (pendampingId null) and each pendamping's. */
export const graduationTargets = sqliteTable(
  'graduation_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    pendampingId: integer('pendamping_id').references(() => pendamping.id),
    mode: text('mode', { enum: TARGET_MODES }).notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    uniqueIndex('target_year_pendamping_uq').on(t.year, t.pendampingId),
    // NULLs are distinct in a unique index: the office's own row needs its own.
    uniqueIndex('target_office_year_uq').on(t.year).where(sql`pendamping_id IS NULL`),
  ],
);

/** Follow-up visits after graduation, due at fixed intervals (a setting). */
export const followUpVisits = sqliteTable(
  'follow_up_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    monthsAfter: integer('months_after').notNull(),
    dueDate: text('due_date').notNull(),
    visitedDate: text('visited_date'),
    visitorName: text('visitor_name'),
    businessRunning: integer('business_running', { mode: 'boolean' }),
    incomeBand: text('income_band', { enum: INCOME_BANDS }),
    slippedBack: integer('slipped_back', { mode: 'boolean' }),
    notes: text('notes').notNull().default(''),
    recordedBy: integer('recorded_by'),
    recordedAt: text('recorded_at'),
  },
  (t) => [index('visit_due_idx').on(t.visitedDate, t.dueDate), index('visit_kpm_idx').on(t.kpmId)],
);

/** The office's graduation settings, one row (id = 1). */
export const graduationSettings = sqliteTable('graduation_settings', {
  id: integer('id').primaryKey(),
  /** Score (0-100) from which an assessment recommends graduation. */
  threshold: integer('threshold').notNull().default(60),
  visitMonths: text('visit_months', { mode: 'json' }).$type<number[]>().notNull(),
  /** Default target per pendamping when none is set for a year (Kemensos: at least 10 KPM). */
  defaultTargetKpm: integer('default_target_kpm').notNull().default(10),
  /** The office target as a percentage of its active families (e.g. 30). */
  officeTargetPercent: integer('office_target_percent').notNull().default(10),
});

export type ExitType = typeof exitTypes.$inferSelect;
export type GraduationCandidate = typeof graduationCandidates.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type AssessmentCriterion = typeof assessmentCriteria.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type FollowUpVisit = typeof followUpVisits.$inferSelect;
export type GraduationTarget = typeof graduationTargets.$inferSelect;
