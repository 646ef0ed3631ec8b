/**
 * Inputs of verification, the family's statement, proposals and decisions, shared by the
 * contract, the services and the renderer's forms; and the due-date rule of the follow-up visits.
 */
import { z } from 'zod';
import { OFFICE_ROLES, type Role } from './enums';
import { ITEM_DECISIONS, PROPOSAL_STATUS } from './graduation';
import { p2k2OptionsProblem, p2k2SourceSchema } from './p2k2-criteria';
import { pagingSchema } from './paging';

/**
 * Who may do each graduation step; the services enforce these and the renderer shows
 * buttons by them. On top of the roles: nobody decides a proposal they built or a family they verified.
 */
export const GRADUATION_DUTIES = {
  /** Candidates' verification, statements, proposals and decisions. */
  view: OFFICE_ROLES,
  criteria: ['admin'],
  verify: ['admin', 'verifikator'],
  statement: ['admin', 'operator', 'verifikator'],
  propose: ['admin', 'operator'],
  decide: ['admin', 'pimpinan'],
} as const satisfies Record<string, readonly Role[]>;

const positiveId = z.number().int().positive();
const text = (max: number) => z.string().max(max * 4);

export const criterionOptionSchema = z.object({
  code: z.string().min(1).max(40),
  label: z.string().min(1, 'Label pilihan wajib diisi.').max(120),
  score: z.number().int('Skor pilihan bilangan bulat.').min(0, 'Skor pilihan 0-100.').max(100, 'Skor pilihan 0-100.'),
});

export const criterionSchema = z
  .object({
    /** Absent: a new criterion. */
    id: positiveId.optional(),
    label: z.string().trim().min(1, 'Nama kriteria wajib diisi.').max(160),
    weight: z
      .number()
      .int('Bobot bilangan bulat.')
      .min(1, 'Bobot harus lebih dari 0.')
      .max(100, 'Bobot paling besar 100.'),
    required: z.boolean(),
    options: z.array(criterionOptionSchema).min(2, 'Setiap kriteria paling sedikit punya dua pilihan.').max(10),
    active: z.boolean(),
    sortOrder: z.number().int().min(0).max(1000),
    /** A criterion answered from P2K2 (attended a module, an attendance rate) instead of by the verifikator. */
    source: p2k2SourceSchema.nullable().default(null),
  })
  .refine((c) => !c.source || !p2k2OptionsProblem(c.options), {
    message: 'Kriteria dari P2K2 memakai tepat dua pilihan berkode "ya" dan "tidak".',
    path: ['options'],
  });
export type CriterionInput = z.infer<typeof criterionSchema>;

export const thresholdSchema = z.object({
  threshold: z.number().int().min(0, 'Ambang batas 0-100.').max(100, 'Ambang batas 0-100.'),
});

export const assessmentSchema = z.object({
  candidateId: positiveId,
  visitDate: z.string(),
  /** criterion code -> option code */
  answers: z.record(z.string(), z.string()),
  notes: text(1000).default(''),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const verificationQueueSchema = pagingSchema.extend({
  q: z.string().max(100).default(''),
});
export type VerificationQueueInput = z.infer<typeof verificationQueueSchema>;

export const statementSchema = z.object({
  candidateId: positiveId,
  signedDate: z.string(),
  witnessPendamping: text(100),
  witnessKepalaDesa: text(100),
  place: text(100).default(''),
});
export type StatementInput = z.infer<typeof statementSchema>;

export const proposalCreateSchema = z.object({
  year: z.number().int().min(2007, 'Tahun paling awal 2007.').max(2100),
  title: text(200),
});
export type ProposalCreateInput = z.infer<typeof proposalCreateSchema>;

export const proposalItemsSchema = z.object({
  proposalId: positiveId,
  candidateIds: z.array(positiveId).min(1, 'Pilih paling sedikit satu calon.').max(10_000),
});
export type ProposalItemsInput = z.infer<typeof proposalItemsSchema>;

export const proposalListSchema = pagingSchema.extend({
  status: z.enum(PROPOSAL_STATUS).nullable().default(null),
});
export type ProposalListInput = z.infer<typeof proposalListSchema>;

export const decisionItemSchema = z.object({
  candidateId: positiveId,
  decision: z.enum(ITEM_DECISIONS),
  rejectReason: text(200).default(''),
});

export const decideSchema = z.object({
  proposalId: positiveId,
  skNumber: text(100),
  skDate: z.string(),
  items: z.array(decisionItemSchema).min(1).max(10_000),
});
export type DecideInput = z.infer<typeof decideSchema>;

export const reverseSchema = z.object({
  decisionId: positiveId,
  reason: text(500),
});
export type ReverseInput = z.infer<typeof reverseSchema>;

/** The proposal number: `USL/2026/001`, counted per year. */
export function proposalNumber(year: number, sequence: number): string {
  return `USL/${year}/${String(sequence).padStart(3, '0')}`;
}
