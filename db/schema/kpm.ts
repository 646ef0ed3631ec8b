import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { HUBUNGAN, KPM_STATUS, SEX } from '../../main/domain/enums';
import { KOMPONEN } from '../../main/domain/komponen';
import { pendamping } from './pendamping';
import { regions } from './regions';

/** A beneficiary family, identified by its pengurus (the woman who receives the aid). */
export const kpm = sqliteTable(
  'kpm',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Kemensos's family number; DTKS-based files have none yet, so it is filled in later (unique when present). */
    idKpm: text('id_kpm'),
    idDtks: text('id_dtks'),
    noKk: text('no_kk').notNull(),
    nik: text('nik').notNull(),
    nama: text('nama').notNull(),
    tempatLahir: text('tempat_lahir').notNull().default(''),
    tanggalLahir: text('tanggal_lahir'),
    jenisKelamin: text('jenis_kelamin', { enum: SEX }).notNull(),
    /** The pengurus's own komponen, if she has one (ibu hamil, lanjut usia, disabilitas). */
    komponen: text('komponen', { enum: KOMPONEN }),
    alamat: text('alamat').notNull().default(''),
    rt: text('rt').notNull().default(''),
    rw: text('rw').notNull().default(''),
    districtCode: text('district_code')
      .notNull()
      .references(() => regions.code),
    villageCode: text('village_code')
      .notNull()
      .references(() => regions.code),
    phone: text('phone').notNull().default(''),
    tahunBergabung: integer('tahun_bergabung'),
    /** DTSEN welfare decile 1-10, null when unknown; checked by its field definition (fields.ts). */
    desil: integer('desil'),
    pendampingId: integer('pendamping_id').references(() => pendamping.id),
    status: text('status', { enum: KPM_STATUS }).notNull().default('aktif'),
    /** The exit type (exit_types) when the family left: a graduation or another exit. */
    exitTypeId: integer('exit_type_id'),
    statusReason: text('status_reason'),
    statusDate: text('status_date'),
    notes: text('notes').notNull().default(''),
    /** Bit set of the komponen held by the family (see komponenMask), kept in step by the service. */
    komponenMask: integer('komponen_mask').notNull().default(0),
    importBatchId: integer('import_batch_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('kpm_nik_uq').on(t.nik),
    uniqueIndex('kpm_id_kpm_uq').on(t.idKpm),
    index('kpm_no_kk_idx').on(t.noKk),
    // ID DTKS is searched by its start, like NIK and No. KK.
    index('kpm_id_dtks_idx').on(t.idDtks),
    index('kpm_nama_idx').on(sql`${t.nama} COLLATE NOCASE`, t.id),
    index('kpm_status_nama_idx').on(t.status, sql`${t.nama} COLLATE NOCASE`),
    index('kpm_district_nama_idx').on(t.districtCode, sql`${t.nama} COLLATE NOCASE`),
    // Covering indexes for the list's exact totals: a count reads only the index, not 100,000 rows.
    index('kpm_status_count_idx').on(t.status, t.komponenMask),
    index('kpm_district_count_idx').on(t.districtCode, t.status, t.komponenMask),
    index('kpm_village_count_idx').on(t.villageCode, t.status, t.komponenMask),
    index('kpm_updated_idx').on(t.updatedAt),
    index('kpm_pendamping_status_idx').on(t.pendampingId, t.status),
  ],
);

/** A member of the family (anggota rumah tangga) other than the pengurus. */
export const art = sqliteTable(
  'art',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kpmId: integer('kpm_id')
      .notNull()
      .references(() => kpm.id, { onDelete: 'cascade' }),
    /** Newborns often have no NIK yet. */
    nik: text('nik'),
    /** The student's national number (NISN), 10 digits; the school attendance form matches by it after NIK. */
    nisn: text('nisn'),
    nama: text('nama').notNull(),
    hubungan: text('hubungan', { enum: HUBUNGAN }).notNull(),
    tanggalLahir: text('tanggal_lahir'),
    jenisKelamin: text('jenis_kelamin', { enum: SEX }).notNull(),
    komponen: text('komponen', { enum: KOMPONEN }),
  },
  (t) => [uniqueIndex('art_nik_uq').on(t.nik), uniqueIndex('art_nisn_uq').on(t.nisn), index('art_kpm_idx').on(t.kpmId)],
);

export type Kpm = typeof kpm.$inferSelect;
export type Art = typeof art.$inferSelect;

/**
 * The active families counted per desa and pendamping, with how many hold each komponen: kept in step with kpm by
 * triggers (migration family_area_counts), so the reports and the targets read about 8,000 rows instead of counting
 * 100,000 families on every open. One column per KOMPONEN, named as the komponen. pendamping_key is the family's
 * pendamping id, 0 for none (a key column cannot be NULL and still be unique).
 */
export const kpmAreaCounts = sqliteTable(
  'kpm_area_counts',
  {
    districtCode: text('district_code').notNull(),
    villageCode: text('village_code').notNull(),
    pendampingKey: integer('pendamping_key').notNull(),
    families: integer('families').notNull(),
    withoutKomponen: integer('without_komponen').notNull(),
    ibuHamil: integer('ibu_hamil').notNull(),
    anakUsiaDini: integer('anak_usia_dini').notNull(),
    anakSd: integer('anak_sd').notNull(),
    anakSmp: integer('anak_smp').notNull(),
    anakSma: integer('anak_sma').notNull(),
    disabilitasBerat: integer('disabilitas_berat').notNull(),
    lanjutUsia: integer('lanjut_usia').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.villageCode, t.pendampingKey] }),
    // With families: the targets' families per pendamping are summed from the index alone (about 1.0 to 0.35 ms).
    index('kpm_area_counts_pendamping_idx').on(t.pendampingKey, t.families),
  ],
);
