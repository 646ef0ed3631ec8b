import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AWARD_FORMS, AWARD_STAGES, FUNDING_SOURCES, PROGRAM_STATUS } from '../../main/domain/awards';
import { documents } from './documents';
import { kpm } from './kpm';

/** A reward programme: funding, budget (whole rupiah), the per-family range and who is eligible. */
export const awardPrograms = sqliteTable('award_programs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  fundingSource: text('funding_source', { enum: FUNDING_SOURCES }).notNull(),
  sponsorName: text('sponsor_name').notNull().default(''),
  budget: integer('budget').notNull(),
  form: text('form', { enum: AWARD_FORMS }).notNull(),
  minPerFamily: integer('min_per_family').notNull(),
  maxPerFamily: integer('max_per_family').notNull(),
  /** kpm.status values that qualify, e.g. ["graduasi_mandiri"]. */
  graduationTypes: text('graduation_types', { mode: 'json' }).$type<string[]>().notNull(),
  graduatedFrom: text('graduated_from').notNull(),
  graduatedTo: text('graduated_to').notNull(),
  onePerFamily: integer('one_per_family', { mode: 'boolean' }).notNull().default(true),
  status: text('status', { enum: PROGRAM_STATUS }).notNull().default('draft'),
  createdBy: integer('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The catalogue of goods; a price change never touches awards already given (lines keep their price). */
export const awardItems = sqliteTable('award_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  unitPrice: integer('unit_price').notNull(),
  supplier: text('supplier').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One family's award in a programme; after handover never edited (a correction is a new, linked award). */
export const awards = sqliteTable(
  'awards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => awardPrograms.id),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id),
    stage: text('stage', { enum: AWARD_STAGES }).notNull().default('planned'),
    businessType: text('business_type').notNull(),
    /** Cash part in rupiah. */
    cash: integer('cash').notNull().default(0),
    /** Goods + cash, in rupiah (kept with the lines, checked against the programme's range and budget). */
    total: integer('total').notNull(),
    notes: text('notes').notNull().default(''),
    /** The award this one corrects (a correction after handover); the corrected one no longer counts. */
    correctsAwardId: integer('corrects_award_id'),
    correctionReason: text('correction_reason'),
    plannedBy: integer('planned_by'),
    plannedByName: text('planned_by_name').notNull(),
    plannedAt: text('planned_at').notNull(),
    approvedBy: integer('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: text('approved_at'),
    /** Handover (serah terima): date, place, receiver, witnesses and the BAST in the documents register. */
    handoverDate: text('handover_date'),
    handoverPlace: text('handover_place'),
    receiverName: text('receiver_name'),
    /** 'pengurus' or the representative's relationship to the pengurus. */
    receiverRelationship: text('receiver_relationship'),
    witnesses: text('witnesses', { mode: 'json' }).$type<{ name: string; position: string }[]>(),
    bastDocumentId: integer('bast_document_id').references(() => documents.id),
    handedOverBy: integer('handed_over_by'),
    handedOverByName: text('handed_over_by_name'),
    cancelledAt: text('cancelled_at'),
    cancelledBy: integer('cancelled_by'),
    cancelledByName: text('cancelled_by_name'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    // Covering for the counted awards of a programme or year: the reports sum them without reading the rows.
    index('award_program_stage_idx').on(t.programId, t.stage, t.kpmId, t.total),
    index('award_kpm_idx').on(t.kpmId),
    index('award_corrects_idx').on(t.correctsAwardId),
  ],
);

/** The goods of an award, at the price they were given at. */
export const awardLines = sqliteTable(
  'award_lines',
  {
    awardId: integer('award_id')
      .notNull()
      .references(() => awards.id),
    lineNo: integer('line_no').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => awardItems.id),
    itemName: text('item_name').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.awardId, t.lineNo] })],
);

/**
 * The counted awards (those no correction replaced; cancelled ones too, holding no money by their stage) per
 * programme, the family's desa and pendamping, and stage: kept by triggers (migration award_area_counts) in step with
 * awards and the families' places, as kpm_area_counts is, so the reports add up a few thousand rows instead of
 * finding each award's family and its correction. pendamping_key is the family's pendamping id, 0 for none.
 */
export const awardAreaCounts = sqliteTable(
  'award_area_counts',
  {
    programId: integer('program_id').notNull(),
    districtCode: text('district_code').notNull(),
    villageCode: text('village_code').notNull(),
    pendampingKey: integer('pendamping_key').notNull(),
    stage: text('stage', { enum: AWARD_STAGES }).notNull(),
    awards: integer('awards').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.districtCode, t.villageCode, t.pendampingKey, t.stage] })],
);

export type AwardProgram = typeof awardPrograms.$inferSelect;
export type AwardItem = typeof awardItems.$inferSelect;
export type Award = typeof awards.$inferSelect;
export type AwardLine = typeof awardLines.$inferSelect;
