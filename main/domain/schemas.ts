/** Input schemas shared by the contract (main) and the forms (renderer): one definition, one set of messages. */
import { z } from 'zod';
import { HUBUNGAN, KPM_STATUS, ROLES, SEX } from './enums';
import { isoDate, parseNik, parseNip, parseNoKk } from './identity';
import { KOMPONEN } from './komponen';

// zod's own messages (a type or choice no form should ever send) in Indonesian too, never in English.
z.config(z.locales.id());

const required = (label: string) => z.string().trim().min(1, `${label} wajib diisi.`);
const optionalText = z.string().trim().default('');
/** A real calendar date as ISO text (Date.parse would take 31 February). */
export const isoDateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal tidak sah.')
  .refine(
    (v) => isoDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))) !== null,
    'Tanggal tidak sah.',
  );

/** An optional identity number: blank becomes null, anything typed gets the full check and its own message. */
const optionalId = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable()).default(null);

export const nikSchema = z
  .string()
  .trim()
  .min(1, 'NIK wajib diisi.')
  .superRefine((value, ctx) => {
    const parsed = parseNik(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .transform((v) => v.replace(/[\s.\-']/g, ''));

export const noKkSchema = z
  .string()
  .trim()
  .min(1, 'No. KK wajib diisi.')
  .superRefine((value, ctx) => {
    const parsed = parseNoKk(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .transform((v) => v.replace(/[\s.\-']/g, ''));

export const nipSchema = z
  .string()
  .trim()
  .min(1, 'NIP wajib diisi.')
  .superRefine((value, ctx) => {
    const parsed = parseNip(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .transform((v) => v.replace(/[\s.\-']/g, ''));

const regionCode = (digits: number, label: string) =>
  z.string().regex(new RegExp(`^\\d{${digits}}$`), `Pilih ${label}.`);

export const passwordSchema = z.string().min(8, 'Kata sandi minimal 8 karakter.');
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau strip.');

export const officeSchema = z.object({
  agencyName: required('Nama instansi'),
  regencyCode: regionCode(4, 'kabupaten/kota'),
  address: required('Alamat kantor'),
  phone: optionalText,
  email: z.union([z.literal(''), z.email('Alamat e-mail tidak sah.')]).default(''),
  logo: z
    .string()
    .regex(/^data:image\/(png|jpeg);base64,/, 'Logo harus gambar PNG atau JPEG.')
    .max(1_500_000, 'Logo terlalu besar (maksimal sekitar 1 MB).')
    .nullable()
    .default(null),
  headName: required('Nama kepala dinas'),
  headRank: optionalText,
  headNip: nipSchema,
});

export const setupSchema = z.object({
  office: officeSchema,
  admin: z.object({
    username: usernameSchema,
    fullName: required('Nama lengkap'),
    password: passwordSchema,
  }),
});
export type SetupInput = z.infer<typeof setupSchema>;

export const userCreateSchema = z.object({
  username: usernameSchema,
  fullName: required('Nama lengkap'),
  role: z.enum(ROLES, 'Pilih peran.'),
  password: passwordSchema,
});

const komponenSchema = z.enum(KOMPONEN).nullable().default(null);

export const memberSchema = z.object({
  id: z.number().int().positive().optional(),
  nik: optionalId(nikSchema),
  nama: required('Nama anggota'),
  hubungan: z.enum(HUBUNGAN, 'Pilih hubungan dengan pengurus.'),
  tanggalLahir: isoDateText.nullable().default(null),
  jenisKelamin: z.enum(SEX, 'Pilih jenis kelamin.'),
  komponen: komponenSchema,
});
export type MemberInput = z.infer<typeof memberSchema>;

export const kpmSchema = z.object({
  idKpm: required('ID KPM').max(40, 'ID KPM terlalu panjang.'),
  idDtks: z
    .string()
    .trim()
    .max(40, 'ID DTKS terlalu panjang.')
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null)),
  noKk: noKkSchema,
  nik: nikSchema,
  nama: required('Nama pengurus'),
  tempatLahir: optionalText,
  tanggalLahir: isoDateText.nullable().default(null),
  jenisKelamin: z.enum(SEX, 'Pilih jenis kelamin.').default('P'),
  komponen: komponenSchema,
  alamat: optionalText,
  rt: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, 'RT berupa angka, maksimal 3 digit.')
    .default(''),
  rw: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, 'RW berupa angka, maksimal 3 digit.')
    .default(''),
  districtCode: regionCode(6, 'kecamatan'),
  villageCode: regionCode(10, 'desa/kelurahan'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ -]{0,20}$/, 'Nomor telepon hanya angka.')
    .default(''),
  tahunBergabung: z
    .number()
    .int()
    .min(2007, 'PKH dimulai tahun 2007.')
    .max(2100, 'Tahun tidak sah.')
    .nullable()
    .default(null),
  pendampingId: z.number().int().positive().nullable().default(null),
  status: z.enum(KPM_STATUS).default('aktif'),
  statusReason: z
    .string()
    .trim()
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null)),
  statusDate: isoDateText.nullable().default(null),
  notes: optionalText,
  members: z.array(memberSchema).max(30, 'Anggota keluarga terlalu banyak.').default([]),
  /** The user has seen the warnings and saves anyway. */
  acceptWarnings: z.boolean().default(false),
});
export type KpmInput = z.infer<typeof kpmSchema>;
export type KpmFormValues = z.input<typeof kpmSchema>;

export const kpmSearchSchema = z.object({
  // Control characters (a NUL pasted from Excel) have no place in a search and upset the index.
  q: z
    .string()
    .max(100)
    .default('')
    .transform((v) => v.replace(/\p{Cc}/gu, ' ').trim()),
  districtCode: z.string().nullable().default(null),
  villageCode: z.string().nullable().default(null),
  pendampingId: z.number().int().nullable().default(null),
  status: z.enum(KPM_STATUS).nullable().default(null),
  komponen: z.enum(KOMPONEN).nullable().default(null),
  /** Only families without an ID KPM yet (registered from DTKS-based files). */
  missingIdKpm: z.boolean().default(false),
  sort: z.enum(['nama', 'idKpm', 'updatedAt']).default('nama'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type KpmSearchInput = z.infer<typeof kpmSearchSchema>;

export const pendampingSchema = z.object({
  name: required('Nama pendamping'),
  nip: optionalId(nipSchema),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ -]{0,20}$/, 'Nomor telepon hanya angka.')
    .default(''),
  districtCodes: z.array(regionCode(6, 'kecamatan')).default([]),
  active: z.boolean().default(true),
});
export type PendampingInput = z.infer<typeof pendampingSchema>;
