import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_KINDS, NIK_DISPLAYS, PAPERS } from '../../main/domain/documents';
import type { PrintedDocument } from '../../main/domain/printed-document';
import { decisions, proposals } from './graduation';
import { kpm } from './kpm';

/** The office's document settings, one row (id = 1). */
export const documentSettings = sqliteTable('document_settings', {
  id: integer('id').primaryKey(),
  paper: text('paper', { enum: PAPERS }).notNull().default('A4'),
  unitCode: text('unit_code').notNull().default('Dinsos'),
  /** Place printed before the date; '' means the regency's name. */
  place: text('place').notNull().default(''),
  website: text('website').notNull().default(''),
  /**
   * A folder on the computer holding the database where verifikasi.html is written again after every voiding
   * (one the office's website is published from); '' means none: the administrator downloads the page.
   */
  verificationFolder: text('verification_folder').notNull().default(''),
  separateSequences: integer('separate_sequences', { mode: 'boolean' }).notNull().default(false),
  markCopies: integer('mark_copies', { mode: 'boolean' }).notNull().default(true),
});

/** Signatories besides the Kepala Dinas (who comes from the office profile). */
export const signatories = sqliteTable('signatories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  onBehalfOf: text('on_behalf_of').notNull().default(''),
  position: text('position').notNull(),
  name: text('name').notNull(),
  rank: text('rank').notNull().default(''),
  nip: text('nip').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** One template per kind: editable texts, number pattern and default signatory; version counts the edits. */
export const documentTemplates = sqliteTable('document_templates', {
  kind: text('kind', { enum: DOCUMENT_KINDS }).primaryKey(),
  title: text('title').notNull(),
  opening: text('opening').notNull().default(''),
  body: text('body').notNull().default(''),
  /** The body for a family graduated alamiah (no komponen left, not an achievement); '' means `body`. */
  bodyAlamiah: text('body_alamiah').notNull().default(''),
  closing: text('closing').notNull().default(''),
  numberPattern: text('number_pattern').notNull(),
  /** null: the Kepala Dinas. */
  signatoryId: integer('signatory_id').references(() => signatories.id),
  /** The NIK in full or masked on this kind (the piagam is shown in public: masked by default). */
  nikDisplay: text('nik_display', { enum: NIK_DISPLAYS }).notNull().default('lengkap'),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at'),
  updatedByName: text('updated_by_name'),
});

/** The running letter numbers: one row per scope ('umum' or a kind) and year; never decremented. */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);

/** Documents issued together (a wisuda batch from a decision). */
export const documentBatches = sqliteTable('document_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
  decisionId: integer('decision_id').references(() => decisions.id),
  count: integer('count').notNull(),
  createdBy: integer('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: text('created_at').notNull(),
});

/** The register (agenda surat keluar): every issued document with what it printed. Never deleted. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    number: text('number').notNull().unique(),
    sequenceScope: text('sequence_scope').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    issuedDate: text('issued_date').notNull(),
    kpmId: integer('kpm_id').references(() => kpm.id),
    proposalId: integer('proposal_id').references(() => proposals.id),
    decisionId: integer('decision_id').references(() => decisions.id),
    batchId: integer('batch_id').references(() => documentBatches.id),
    /** Denormalised for the register's list and search. */
    subject: text('subject').notNull(),
    signatoryName: text('signatory_name').notNull(),
    data: text('data', { mode: 'json' }).$type<PrintedDocument>().notNull(),
    templateVersion: integer('template_version').notNull(),
    verificationCode: text('verification_code').notNull(),
    issuedBy: integer('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: text('issued_at').notNull(),
    printCount: integer('print_count').notNull().default(1),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by'),
    voidedByName: text('voided_by_name'),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('document_kpm_idx').on(t.kpmId, t.kind),
    index('document_year_idx').on(t.year, t.sequence),
    index('document_decision_idx').on(t.decisionId, t.kind),
  ],
);

/**
 * Ed25519 keys for the QR verification codes: the office's own (private key kept here, never exported) and
 * other offices' public keys imported to check their letters. One own key; keys are never deleted.
 */
export const signingKeys = sqliteTable(
  'signing_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regencyCode: text('regency_code').notNull(),
    officeName: text('office_name').notNull(),
    /** SPKI DER, base64. */
    publicKey: text('public_key').notNull().unique(),
    /** PKCS#8 DER, base64; null for another office's key. */
    privateKey: text('private_key'),
    own: integer('own', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('signing_key_own_uq').on(t.own).where(sql`own = 1`)],
);

export type DocumentSettings = typeof documentSettings.$inferSelect;
export type Signatory = typeof signatories.$inferSelect;
export type DocumentTemplate = typeof documentTemplates.$inferSelect;
export type IssuedDocument = typeof documents.$inferSelect;
export type SigningKey = typeof signingKeys.$inferSelect;
