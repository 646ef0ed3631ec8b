/**
 * Documents: the kinds the office prints, their placeholders and letter-number patterns.
 * Pure rules shared by the services, the PDF layouts and the renderer's settings forms.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds';
import { websiteProblem } from './verification-address';

export {
  DOCUMENT_KIND_CODE,
  DOCUMENT_KIND_LABEL,
  DOCUMENT_KINDS,
  type DocumentKind,
} from './document-kinds';

/** Kinds printed for one family; the others list the families of a proposal or decision. */
export const FAMILY_KINDS = ['sk_graduasi', 'pernyataan_mandiri', 'piagam'] as const satisfies readonly DocumentKind[];

/**
 * How a kind prints the family's NIK: in full (official letters: SK, surat pernyataan, BAST) or masked
 * (3375********0011) on what is shown in public, the piagam handed at the wisuda. Kept in each issued document,
 * so a reprint prints what the original printed.
 */
export const NIK_DISPLAYS = ['lengkap', 'disamarkan'] as const;
export type NikDisplay = (typeof NIK_DISPLAYS)[number];
export const NIK_DISPLAY_LABEL: Record<NikDisplay, string> = { lengkap: 'Lengkap', disamarkan: 'Disamarkan' };

export const PAPERS = ['A4', 'F4'] as const;
export type Paper = (typeof PAPERS)[number];
/** Paper sizes in PDF points (1 mm = 72 / 25.4 pt). F4/folio is 215 x 330 mm. */
export const PAPER_SIZE_PT: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  F4: { width: 609.45, height: 935.43 },
};

// ---------------------------------------------------------------------------------------------- placeholders

/** Placeholders a family document's body may use: {nama}, {nik}, ... with what each stands for. */
export const FAMILY_PLACEHOLDERS = {
  nama: 'Nama pengurus KPM',
  nik: 'NIK pengurus',
  no_kk: 'Nomor KK',
  id_kpm: 'ID KPM',
  alamat: 'Alamat',
  rt: 'RT',
  rw: 'RW',
  desa: 'Desa/kelurahan',
  kecamatan: 'Kecamatan',
  kabupaten: 'Kabupaten/kota',
  provinsi: 'Provinsi',
  jenis_graduasi: 'Jenis graduasi (mis. graduasi sejahtera mandiri)',
  tanggal_graduasi: 'Tanggal graduasi',
  tahun_graduasi: 'Tahun graduasi',
  nomor_sk: 'Nomor SK penetapan',
  tanggal_sk: 'Tanggal SK penetapan',
  alasan: 'Alasan graduasi mandiri',
  nama_pendamping: 'Nama pendamping',
  nama_dinas: 'Nama dinas',
  nama_daerah: 'Nama kabupaten/kota kantor',
} as const;
export type FamilyPlaceholder = keyof typeof FAMILY_PLACEHOLDERS;

/** Placeholders of the list documents (daftar usulan, lampiran keputusan). */
export const LIST_PLACEHOLDERS = {
  nomor_usulan: 'Nomor usulan',
  judul_usulan: 'Judul usulan',
  nomor_sk: 'Nomor SK penetapan',
  tanggal_sk: 'Tanggal SK penetapan',
  jumlah: 'Jumlah KPM',
  tahun: 'Tahun',
  nama_dinas: 'Nama dinas',
  nama_daerah: 'Nama kabupaten/kota kantor',
} as const;

/** Placeholders of the award documents: the berita acara serah terima and the daftar penerima. */
export const BAST_PLACEHOLDERS = {
  nama: 'Nama pengurus KPM',
  nik: 'NIK pengurus',
  desa: 'Desa/kelurahan',
  kecamatan: 'Kecamatan',
  nama_program: 'Nama program bantuan',
  program_bantuan:
    'Program dengan kata "bantuan" dan tahunnya, tanpa mengulang yang sudah ada pada namanya (mis. "bantuan Modal Usaha tahun 2026")',
  tahun: 'Tahun program',
  sumber_dana: 'Sumber dana (mis. APBD, CSR PT Contoh)',
  jenis_usaha: 'Jenis usaha',
  tanggal_serah: 'Tanggal serah terima',
  hari_serah: 'Hari serah terima (mis. Senin)',
  tempat: 'Tempat serah terima',
  jumlah: 'Nilai bantuan (Rp) atau jumlah KPM pada daftar',
  terbilang: 'Nilai bantuan dalam huruf',
  nama_dinas: 'Nama dinas',
  nama_daerah: 'Nama kabupaten/kota kantor',
} as const;

/**
 * "bantuan Modal Usaha tahun 2026" for a programme named "Modal Usaha" of 2026; a name that already says
 * "Bantuan" or its year keeps them once ("Bantuan Modal Usaha Graduasi 2026"), never "bantuan Bantuan ... 2026 tahun
 * 2026".
 */
export function programPhrase(name: string, year: number): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const withAid = /\bbantuan\b/i.test(trimmed) ? trimmed : `bantuan ${trimmed}`;
  return new RegExp(`\\b${year}\\b`).test(trimmed) ? withAid : `${withAid} tahun ${year}`;
}

/** Placeholders of the surat teguran P2K2: the family, its group and the months it was absent (ALFA). */
export const TEGURAN_PLACEHOLDERS = {
  nama: 'Nama pengurus KPM',
  nik: 'NIK pengurus',
  no_kk: 'Nomor KK',
  alamat: 'Alamat',
  desa: 'Desa/kelurahan',
  kecamatan: 'Kecamatan',
  nama_kelompok: 'Nama kelompok P2K2',
  bulan_alfa: 'Bulan-bulan tidak hadir tanpa keterangan (mis. Oktober dan November 2026)',
  nama_pendamping: 'Nama pendamping',
  nama_dinas: 'Nama dinas',
  nama_daerah: 'Nama kabupaten/kota kantor',
} as const;

/** The award kinds: printed from a handover, never from the family page or a proposal. */
export const AWARD_KINDS = ['bast', 'daftar_penerima'] as const satisfies readonly DocumentKind[];

export function placeholdersOf(kind: DocumentKind): Record<string, string> {
  if ((AWARD_KINDS as readonly string[]).includes(kind)) return BAST_PLACEHOLDERS;
  if (kind === 'surat_teguran') return TEGURAN_PLACEHOLDERS;
  return (FAMILY_KINDS as readonly string[]).includes(kind) ? FAMILY_PLACEHOLDERS : LIST_PLACEHOLDERS;
}

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;

/** The first problem of a body text, in Indonesian, or null: unknown or unclosed placeholders. */
export function checkTemplate(kind: DocumentKind, text: string): string | null {
  const known = placeholdersOf(kind);
  for (const match of text.matchAll(PLACEHOLDER_RE)) {
    const name = match[1].trim();
    if (!(name in known)) {
      return `Isian {${match[1]}} tidak dikenal. Yang dapat dipakai: ${Object.keys(known)
        .map((k) => `{${k}}`)
        .join(', ')}.`;
    }
  }
  const stray = text.replace(PLACEHOLDER_RE, '');
  if (stray.includes('{') || stray.includes('}')) return 'Ada kurung kurawal { } yang tidak berpasangan.';
  return null;
}

/** Fills a checked template; values are plain text (never markup), missing ones print as empty. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER_RE, (_, name: string) => values[name.trim()] ?? '');
}

// ------------------------------------------------------------------------------------------- letter numbers

export const DEFAULT_NUMBER_PATTERN = '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}';
const NUMBER_TOKENS = ['nomor', 'kode unit', 'bulan romawi', 'bulan', 'tahun'] as const;
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function romanMonth(month: number): string {
  return ROMAN_MONTHS[month - 1] ?? '';
}

/**
 * The first problem of a numbering pattern, in Indonesian, or null. `*` is the QR code's separator and whitespace
 * is dropped when a code is read back (main/domain/verification-code.ts), so neither may occur in a number.
 */
export function checkNumberPattern(pattern: string): string | null {
  if (!pattern.trim()) return 'Pola nomor surat wajib diisi.';
  if (pattern.length > 80) return 'Pola nomor surat paling banyak 80 karakter.';
  // Token names may hold a space ({kode unit}); the text around them may not.
  if (/[*\s]/.test(pattern.replace(PLACEHOLDER_RE, '')))
    return 'Pola nomor surat tidak boleh memuat spasi atau tanda *.';
  for (const match of pattern.matchAll(PLACEHOLDER_RE)) {
    if (!(NUMBER_TOKENS as readonly string[]).includes(match[1])) {
      return `Isian {${match[1]}} tidak dikenal. Yang dapat dipakai: ${NUMBER_TOKENS.map((t) => `{${t}}`).join(', ')}.`;
    }
  }
  if (!pattern.includes('{nomor}')) return 'Pola nomor surat harus memuat {nomor} (nomor urut).';
  const stray = pattern.replace(PLACEHOLDER_RE, '');
  if (stray.includes('{') || stray.includes('}')) return 'Ada kurung kurawal { } yang tidak berpasangan.';
  return null;
}

/** '460/{nomor}/{kode unit}/{bulan romawi}/{tahun}' + 12 on 2026-11-30 -> '460/12/DINSOS/XI/2026'. */
export function formatLetterNumber(pattern: string, sequence: number, unitCode: string, isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  const values: Record<string, string> = {
    nomor: String(sequence),
    'kode unit': unitCode,
    'bulan romawi': romanMonth(month),
    bulan: String(month).padStart(2, '0'),
    tahun: String(year),
  };
  return pattern.replace(PLACEHOLDER_RE, (_, name: string) => values[name] ?? '');
}

// ------------------------------------------------------------------------------------------------ forms

export const documentSettingsSchema = z.object({
  paper: z.enum(PAPERS),
  /** Kode unit in the letter number, e.g. 'Dinsos' or 'LINJAMSOS'. */
  unitCode: z
    .string()
    .trim()
    .max(30, 'Kode unit paling banyak 30 karakter.')
    .refine((v) => !/[*\s{}]/.test(v), 'Kode unit tidak boleh memuat spasi, tanda * atau kurung kurawal.'),
  /** Place printed before the date ('Pamekasan, 30 November 2026'). */
  place: z.string().trim().min(1, 'Tempat penandatanganan wajib diisi.').max(60),
  /** Printed in the kop; when set, the letters' QR opens the verification page there (verification-address.ts). */
  website: z
    .string()
    .trim()
    .max(100, 'Alamat laman paling banyak 100 karakter.')
    .superRefine((value, ctx) => {
      const problem = websiteProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Where verifikasi.html is written again after every voiding ('' for none); checked by the service. */
  verificationFolder: z.string().trim().max(500, 'Folder paling banyak 500 karakter.'),
  /** One running number per year shared by every kind (false) or one per kind (true). */
  separateSequences: z.boolean(),
  /** A reprint is marked SALINAN. */
  markCopies: z.boolean(),
});
export type DocumentSettingsInput = z.infer<typeof documentSettingsSchema>;

export const signatorySchema = z.object({
  id: z.number().int().positive().optional(),
  /** The line(s) above the title, e.g. 'a.n. Kepala Dinas Sosial' (empty when signing as oneself). */
  onBehalfOf: z.string().trim().max(120),
  /** Jabatan, e.g. 'Kepala Bidang Perlindungan dan Jaminan Sosial'. */
  position: z.string().trim().min(1, 'Jabatan wajib diisi.').max(160),
  name: z.string().trim().min(1, 'Nama wajib diisi.').max(100),
  rank: z.string().trim().max(80),
  nip: z.string().trim().max(21),
  active: z.boolean().default(true),
});
export type SignatoryInput = z.infer<typeof signatorySchema>;

export const templateSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string().trim().min(1, 'Judul wajib diisi.').max(200),
    /** The paragraph before the identity block or table ('Yang bertanda tangan di bawah ini ...'). */
    opening: z.string().trim().max(2000),
    /** The paragraph after it (what is certified or stated). */
    body: z.string().trim().max(4000),
    /** The body for a family graduated alamiah; '' uses `body`; absent: unchanged. */
    bodyAlamiah: z.string().trim().max(4000).optional(),
    /** A closing paragraph (e.g. 'Demikian surat keterangan ini ...'); may be empty. */
    closing: z.string().trim().max(2000),
    numberPattern: z.string().trim(),
    /** null: the Kepala Dinas from the office profile. */
    signatoryId: z.number().int().positive().nullable(),
    /** Absent: unchanged. */
    nikDisplay: z.enum(NIK_DISPLAYS).optional(),
  })
  .superRefine((t, ctx) => {
    for (const field of ['title', 'opening', 'body', 'bodyAlamiah', 'closing'] as const) {
      const problem = checkTemplate(t.kind, t[field] ?? '');
      if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    }
    const pattern = checkNumberPattern(t.numberPattern);
    if (pattern) ctx.addIssue({ code: 'custom', path: ['numberPattern'], message: pattern });
  });
export type TemplateInput = z.infer<typeof templateSchema>;

export const voidSchema = z.object({
  id: z.number().int().positive(),
  reason: z.string().trim().min(5, 'Tuliskan alasan pembatalan (paling sedikit 5 karakter).').max(500),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat tahun-bulan-hari.');

/** Issue one family document; the date defaults to today. */
export const issueFamilySchema = z.object({
  kind: z.enum(FAMILY_KINDS),
  kpmId: z.number().int().positive(),
  issuedDate: isoDate.optional(),
  /** null: the Kepala Dinas; absent: the kind's default signatory. */
  signatoryId: z.number().int().positive().nullable().optional(),
});

/** Issue the list of a proposal (daftar usulan) or of its decision (lampiran keputusan). */
export const issueListSchema = z.object({
  kind: z.enum(['daftar_usulan', 'lampiran_keputusan']),
  proposalId: z.number().int().positive(),
  issuedDate: isoDate.optional(),
  signatoryId: z.number().int().positive().nullable().optional(),
});

/** Issue the wisuda documents for every family a decision approved: numbers for all or none, one PDF. */
/**
 * The order of a wisuda batch's PDF: per family (each family's documents together, SK then piagam, as they are
 * handed over at the ceremony) or per kind (all SK, then all piagam: piagam are often printed on other paper).
 */
export const BATCH_ORDERS = ['keluarga', 'jenis'] as const;
export type BatchOrder = (typeof BATCH_ORDERS)[number];
export const BATCH_ORDER_LABEL: Record<BatchOrder, string> = {
  keluarga: 'Per keluarga (urutan penyerahan)',
  jenis: 'Per jenis dokumen',
};

export const batchPlanSchema = z.object({
  decisionId: z.number().int().positive(),
  kinds: z.array(z.enum(FAMILY_KINDS)).min(1, 'Pilih paling sedikit satu jenis dokumen.'),
});

export const batchSchema = batchPlanSchema.extend({
  issuedDate: isoDate.optional(),
  order: z.enum(BATCH_ORDERS).default('jenis'),
  /** Print the documents the families already hold as reprints in the same PDF (in their place in the order). */
  reprints: z.boolean().default(false),
});

export const registerFilterSchema = z.object({
  q: z.string().trim().max(100).default(''),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  /** 'aktif' (not void), 'batal' (void), or both when absent. */
  state: z.enum(['aktif', 'batal']).optional(),
});
