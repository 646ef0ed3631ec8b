/**
 * Awards for graduated families: reward programmes with a budget, a catalogue of goods, award
 * packages, their stages and handover. Pure rules and form schemas shared by services and renderer.
 */
import { z } from 'zod';
import { GRADUATED_STATUSES } from './enums';

export const FUNDING_SOURCES = ['APBD', 'APBN', 'CSR', 'lainnya'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABEL: Record<FundingSource, string> = {
  APBD: 'APBD',
  APBN: 'APBN',
  CSR: 'CSR (tanggung jawab sosial perusahaan)',
  lainnya: 'Lainnya',
};

export const AWARD_FORMS = ['barang', 'uang', 'campuran'] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];
export const AWARD_FORM_LABEL: Record<AwardForm, string> = {
  barang: 'Barang',
  uang: 'Uang',
  campuran: 'Barang dan uang',
};

export const PROGRAM_STATUS = ['draft', 'active', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUS)[number];
export const PROGRAM_STATUS_LABEL: Record<ProgramStatus, string> = {
  draft: 'Draf',
  active: 'Aktif',
  closed: 'Ditutup',
};

/** planned -> approved -> handed_over; or cancelled before handover. Labels: Direncanakan, Disetujui, Diserahkan, Dibatalkan. */
export const AWARD_STAGES = ['planned', 'approved', 'handed_over', 'cancelled'] as const;
export type AwardStage = (typeof AWARD_STAGES)[number];
export const AWARD_STAGE_LABEL: Record<AwardStage, string> = {
  planned: 'Direncanakan',
  approved: 'Disetujui',
  handed_over: 'Diserahkan',
  cancelled: 'Dibatalkan',
};
/** The stage of an award withdrawn before handover: it is still listed, it holds no money. */
export const CANCELLED_STAGE = 'cancelled' satisfies AwardStage;
/** Stages whose amounts use the budget. */
export const BUDGET_STAGES = ['planned', 'approved', 'handed_over'] as const satisfies readonly AwardStage[];

/** The graduations a programme may reward (kpm.status values). */
export const ELIGIBLE_GRADUATIONS = GRADUATED_STATUSES;

const rupiah = (label: string) =>
  z
    .number({
      // An emptied money field arrives as null (never 0): for a required amount that is a missing value.
      error: (issue) => (issue.input == null ? `${label} wajib diisi.` : `${label} harus berupa angka rupiah.`),
    })
    .int(`${label} dalam rupiah bulat (tanpa sen).`)
    .min(0, `${label} tidak boleh negatif.`)
    .max(1_000_000_000_000, `${label} terlalu besar.`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat tahun-bulan-hari.');

export const programSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(3, 'Nama program paling sedikit 3 karakter.').max(150),
    year: z.number().int().min(2000).max(2100),
    fundingSource: z.enum(FUNDING_SOURCES),
    /** The sponsor (CSR company, other source); required for CSR and lainnya. */
    sponsorName: z.string().trim().max(150),
    budget: rupiah('Pagu anggaran').min(1, 'Pagu anggaran wajib diisi.'),
    form: z.enum(AWARD_FORMS),
    /** Empty (null) is no minimum, kept as 0: the range check reads both the same. */
    minPerFamily: rupiah('Nilai minimal per KPM')
      .nullable()
      .transform((v) => v ?? 0),
    maxPerFamily: rupiah('Nilai maksimal per KPM').min(1, 'Nilai maksimal per KPM wajib diisi.'),
    /** Which graduations qualify. */
    graduationTypes: z.array(z.enum(ELIGIBLE_GRADUATIONS)).min(1, 'Pilih paling sedikit satu jenis graduasi.'),
    /** Graduated within this range (inclusive); defaults to the programme's year. */
    graduatedFrom: isoDate,
    graduatedTo: isoDate,
    onePerFamily: z.boolean().default(true),
    status: z.enum(PROGRAM_STATUS).default('draft'),
  })
  .superRefine((p, ctx) => {
    if (p.minPerFamily > p.maxPerFamily) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPerFamily'],
        message: 'Nilai minimal tidak boleh melebihi nilai maksimal.',
      });
    }
    if (p.maxPerFamily > p.budget) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxPerFamily'],
        message: 'Nilai maksimal per KPM melebihi pagu anggaran.',
      });
    }
    if (p.graduatedFrom > p.graduatedTo) {
      ctx.addIssue({
        code: 'custom',
        path: ['graduatedTo'],
        message: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
      });
    }
    if ((p.fundingSource === 'CSR' || p.fundingSource === 'lainnya') && !p.sponsorName) {
      ctx.addIssue({ code: 'custom', path: ['sponsorName'], message: 'Sebutkan nama pemberi dana.' });
    }
  });
export type ProgramInput = z.infer<typeof programSchema>;

export const catalogueItemSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(2, 'Nama barang paling sedikit 2 karakter.').max(150),
  unit: z.string().trim().min(1, 'Satuan wajib diisi (mis. unit, paket, buah).').max(30),
  unitPrice: rupiah('Harga satuan').min(1, 'Harga satuan wajib diisi.'),
  supplier: z.string().trim().max(150),
  active: z.boolean().default(true),
});
export type CatalogueItemInput = z.infer<typeof catalogueItemSchema>;

/** A package: catalogue items x quantity and/or cash. */
export const packageSchema = z
  .object({
    lines: z
      .array(z.object({ itemId: z.number().int().positive(), quantity: z.number().int().min(1).max(10_000) }))
      .max(50),
    /** Empty (null) is no cash. */
    cash: rupiah('Uang tunai')
      .nullable()
      .default(0)
      .transform((v) => v ?? 0),
  })
  .refine((p) => p.lines.length > 0 || p.cash > 0, {
    message: 'Paket harus berisi barang atau uang.',
    path: ['lines'],
  });

/** One package planned for many graduated families at once. */
export const planAwardsSchema = z.object({
  programId: z.number().int().positive(),
  kpmIds: z.array(z.number().int().positive()).min(1, 'Pilih paling sedikit satu KPM.').max(5000),
  package: packageSchema,
  businessType: z.string().trim().min(2, 'Jenis usaha wajib diisi.').max(100),
  notes: z.string().trim().max(500).default(''),
});
export type PlanAwardsInput = z.infer<typeof planAwardsSchema>;

export const awardIdsSchema = z.object({
  awardIds: z.array(z.number().int().positive()).min(1, 'Pilih paling sedikit satu bantuan.').max(5000),
});

export const cancelAwardSchema = z.object({
  awardId: z.number().int().positive(),
  reason: z.string().trim().min(5, 'Tuliskan alasan pembatalan (paling sedikit 5 karakter).').max(500),
});

export const witnessSchema = z.object({
  name: z.string().trim().min(2, 'Nama saksi wajib diisi.').max(100),
  position: z.string().trim().max(100),
});

/** Handover with a berita acara serah terima (BAST); one BAST per family, many in one ceremony. */
export const handoverSchema = z.object({
  awardIds: z.array(z.number().int().positive()).min(1).max(5000),
  handoverDate: isoDate,
  place: z.string().trim().min(2, 'Tempat serah terima wajib diisi.').max(150),
  /** The officer handing over on behalf of the office (pihak pertama). */
  officerName: z.string().trim().min(2, 'Nama petugas yang menyerahkan wajib diisi.').max(100),
  officerNip: z.string().trim().max(21),
  officerPosition: z.string().trim().max(150),
  /** Who received it: the pengurus (null) or a named representative with relationship (single award only). */
  representative: z
    .object({
      name: z.string().trim().min(2, 'Nama penerima wajib diisi.').max(100),
      relationship: z.string().trim().min(2, 'Hubungan dengan pengurus KPM wajib diisi.').max(50),
    })
    .nullable()
    .default(null),
  witnesses: z.array(witnessSchema).max(4).default([]),
  /** null: the Kepala Dinas; absent: the BAST template's default signatory ("Mengetahui"). */
  signatoryId: z.number().int().positive().nullable().optional(),
});
export type HandoverInput = z.infer<typeof handoverSchema>;

/** A correction after handover: a new, linked award with the right package; the original is never edited. */
export const correctionSchema = z.object({
  awardId: z.number().int().positive(),
  package: packageSchema,
  businessType: z.string().trim().min(2).max(100),
  reason: z.string().trim().min(5, 'Tuliskan alasan koreksi (paling sedikit 5 karakter).').max(500),
});
