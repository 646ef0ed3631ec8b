/** Input schemas shared by the contract (main) and the forms (renderer): one definition, one set of messages. */
import { z } from 'zod';
import { HUBUNGAN, KPM_STATUS, ROLES, SEX } from './enums';
import {
  type Checked,
  checkDate,
  checkInteger,
  checkPhone,
  checkRtRw,
  checkText,
  checkYear,
  tooManyMembers,
} from './field-checks';
import {
  type DateSpec,
  KPM_FIELDS,
  MAX_MEMBERS,
  MEMBER_FIELDS,
  NUMBER_FIELDS,
  type NumberField,
  numberSpec,
  type OtherSpec,
  PENDAMPING_FIELDS,
  type TextSpec,
  USER_FIELDS,
} from './fields';
import { todayIso } from './format';
import { GRADUATION_STAGE_FILTER } from './graduation';
import { isMaskedNik, NISN_MESSAGE, NISN_PATTERN, type Parsed, parseNik, parseNip, parseNoKk } from './identity';
import { KOMPONEN } from './komponen';
import { passwordSchema, refinePasswordNotUsername } from './password';

// zod's own messages (a type or choice no form should ever send) in Indonesian too, never in English.
z.config(z.locales.id());

const required = (label: string) => z.string().trim().min(1, `${label} wajib diisi.`);
const optionalText = z.string().trim().default('');
/** An optional identity number: blank becomes null, anything typed gets the full check and its own message. */
const optionalId = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable()).default(null);

/**
 * A NIK or No. KK. `maskable`: the family form of a role that sees NIKs masked sends back
 * 3528********0001 untouched; the service puts the stored number back, or refuses (main/services/privacy).
 */
const identityNumber = (label: string, parse: (value: string) => Parsed<unknown>, maskable = false) =>
  z
    .string()
    .trim()
    .min(1, `${label} wajib diisi.`)
    .superRefine((value, ctx) => {
      if (maskable && isMaskedNik(value)) return;
      const parsed = parse(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    })
    .transform((v) => v.replace(/[\s.\-']/g, ''));

export const nikSchema = identityNumber('NIK', parseNik);
export const noKkSchema = identityNumber('No. KK', parseNoKk);
const familyNikSchema = identityNumber('NIK', parseNik, true);
const familyNoKkSchema = identityNumber('No. KK', parseNoKk, true);

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

// `checked` is hoisted; `text` below is not yet defined at this point of the module.
const fullNameSchema = z.string().transform(checked((v: string) => checkText(USER_FIELDS.fullName, v)));

export const setupSchema = z.object({
  office: officeSchema,
  admin: z
    .object({
      username: usernameSchema,
      fullName: fullNameSchema,
      password: passwordSchema,
    })
    .superRefine(refinePasswordNotUsername),
});
export type SetupInput = z.infer<typeof setupSchema>;

/** The pendamping record a pendamping account acts for: required for that role, refused for the others. */
const pendampingLinkSchema = z.number().int().positive().nullable().default(null);

function refinePendampingLink(value: { role: string; pendampingId: number | null }, ctx: z.RefinementCtx): void {
  if (value.role === 'pendamping' && value.pendampingId == null) {
    ctx.addIssue({ code: 'custom', path: ['pendampingId'], message: 'Pilih data pendamping untuk akun pendamping.' });
  }
  if (value.role !== 'pendamping' && value.pendampingId != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['pendampingId'],
      message: 'Hanya akun berperan pendamping yang ditautkan ke data pendamping.',
    });
  }
}

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    fullName: fullNameSchema,
    role: z.enum(ROLES, 'Pilih peran.'),
    pendampingId: pendampingLinkSchema,
    password: passwordSchema,
  })
  .superRefine(refinePasswordNotUsername)
  .superRefine(refinePendampingLink);

/** An administrator's change of a user's name, role and pendamping link (username and password have their own ways). */
export const userUpdateSchema = z
  .object({
    id: z.number().int().positive(),
    fullName: fullNameSchema,
    role: z.enum(ROLES, 'Pilih peran.'),
    pendampingId: pendampingLinkSchema,
  })
  .superRefine(refinePendampingLink);
/** The link may be left out for the office's roles (the schema defaults it to null). */
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

const komponenSchema = z.enum(KOMPONEN).nullable().default(null);

/** A zod schema that runs one of the field checks of fields.ts: the message is the field's own. */
function checked<T, I>(check: (value: I) => Checked<T>) {
  return (value: I, ctx: z.RefinementCtx): T => {
    const result = check(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  };
}
const text = (spec: TextSpec) => z.string().transform(checked((v: string) => checkText(spec, v)));
/** Optional text stored as NULL when blank (ID KPM, ID DTKS, the status reason). */
const nullableText = (spec: TextSpec) =>
  z
    .string()
    .nullable()
    .default(null)
    .transform(checked((v: string | null) => checkText(spec, v ?? '')))
    .transform((v) => (v === '' ? null : v));
const identifier = (spec: TextSpec) => nullableText(spec).transform((v) => v?.toUpperCase() ?? null);
/** A date typed or picked in a form: blank is no date; a value is checked against the field's range. */
const date = (spec: DateSpec) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string()
      .transform(checked((v: string) => checkDate(spec, v.trim(), todayIso())))
      .nullable()
      .default(null),
  );
const digits3 = (spec: OtherSpec) =>
  z
    .string()
    .default('')
    .transform(checked((v: string) => checkRtRw(spec, v)));
const phone = (spec: OtherSpec) =>
  z
    .string()
    .default('')
    .transform(checked((v: string) => checkPhone(spec, v)));

/** A whole number in its field's range, null when blank: the number the form sends, or its text as typed. */
const integer = (key: NumberField) =>
  z
    .union([z.number(), z.string()])
    .nullable()
    .default(null)
    .transform(checked((v: number | string | null) => checkInteger(numberSpec(key), v)));
const numberShape = Object.fromEntries(NUMBER_FIELDS.map((key) => [key, integer(key)])) as Record<
  NumberField,
  ReturnType<typeof integer>
>;
/** The list filters on the number fields: one value each, null for all. */
const numberFilterShape = Object.fromEntries(
  NUMBER_FIELDS.map((key) => [key, z.number().int().nullable().default(null)]),
) as Record<NumberField, z.ZodDefault<z.ZodNullable<z.ZodNumber>>>;

export const memberSchema = z.object({
  id: z.number().int().positive().optional(),
  nik: optionalId(familyNikSchema),
  /** Optional in the input too: callers that know no NISN (older forms, tests) send none. */
  nisn: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z.string().regex(NISN_PATTERN, NISN_MESSAGE).nullable(),
    )
    .optional(),
  nama: text(MEMBER_FIELDS.nama),
  hubungan: z.enum(HUBUNGAN, 'Pilih hubungan dengan pengurus.'),
  tanggalLahir: date(MEMBER_FIELDS.tanggalLahir),
  jenisKelamin: z.enum(SEX, 'Pilih jenis kelamin.'),
  komponen: komponenSchema,
});
export type MemberInput = z.infer<typeof memberSchema>;

export const kpmSchema = z.object({
  idKpm: identifier(KPM_FIELDS.idKpm),
  idDtks: identifier(KPM_FIELDS.idDtks),
  noKk: familyNoKkSchema,
  nik: familyNikSchema,
  nama: text(KPM_FIELDS.nama),
  tempatLahir: text(KPM_FIELDS.tempatLahir).default(''),
  tanggalLahir: date(KPM_FIELDS.tanggalLahir),
  jenisKelamin: z.enum(SEX, 'Pilih jenis kelamin.').default('P'),
  komponen: komponenSchema,
  alamat: text(KPM_FIELDS.alamat).default(''),
  rt: digits3(KPM_FIELDS.rt),
  rw: digits3(KPM_FIELDS.rw),
  districtCode: regionCode(6, 'kecamatan'),
  villageCode: regionCode(10, 'desa/kelurahan'),
  phone: phone(KPM_FIELDS.phone),
  tahunBergabung: z
    .number(`${KPM_FIELDS.tahunBergabung.label} berupa angka tahun.`)
    .transform(checked((v: number) => checkYear(KPM_FIELDS.tahunBergabung, v, todayIso())))
    .nullable()
    .default(null),
  ...numberShape,
  pendampingId: z.number().int().positive().nullable().default(null),
  // No status here: a family leaves only through an exit (exitSchema) or a graduation decision.
  notes: text(KPM_FIELDS.notes).default(''),
  members: z
    .array(memberSchema)
    .default([])
    .superRefine((members, ctx) => {
      if (members.length > MAX_MEMBERS) ctx.addIssue({ code: 'custom', message: tooManyMembers(members.length) });
    }),
  /** The user has seen the warnings and saves anyway. */
  acceptWarnings: z.boolean().default(false),
});
export type KpmInput = z.infer<typeof kpmSchema>;
export type KpmFormValues = z.input<typeof kpmSchema>;

/** A family leaves the programme: the exit type, why, and when (not after today). */
export const exitSchema = z.object({
  id: z.number().int().positive(),
  exitTypeId: z.number('Pilih jenis keluar.').int().positive('Pilih jenis keluar.'),
  reason: text({ ...KPM_FIELDS.statusReason, required: true }).refine((v) => v.length >= 3, 'Tuliskan alasan keluar.'),
  date: z.string().transform(checked((v: string) => checkDate(KPM_FIELDS.statusDate, v.trim(), todayIso()))),
});

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
  /** The family's open or latest candidacy stage, or no candidacy at all. */
  graduationStage: z.enum(GRADUATION_STAGE_FILTER).nullable().default(null),
  /** Only families without an ID KPM yet (registered from DTKS-based files). */
  missingIdKpm: z.boolean().default(false),
  ...numberFilterShape,
  sort: z.enum(['nama', 'idKpm', 'updatedAt']).default('nama'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type KpmSearchInput = z.infer<typeof kpmSearchSchema>;

export const pendampingSchema = z.object({
  name: text(PENDAMPING_FIELDS.name),
  nip: optionalId(nipSchema),
  phone: phone(PENDAMPING_FIELDS.phone),
  districtCodes: z.array(regionCode(6, 'kecamatan')).default([]),
  active: z.boolean().default(true),
});
export type PendampingInput = z.infer<typeof pendampingSchema>;
