/**
 * Verifikasi komitmen: matching a school form's students to members, writing the months, and the quarter's and
 * the month's counts. Compliance is judged here against the threshold given (a setting), never stored, so
 * changing the setting re-judges every month already imported.
 */
import type { Db } from '../open';

export interface MatchedMember {
  artId: number;
  kpmId: number;
  nama: string;
}

/** Point lookups by NIK and by NISN, prepared once for the whole form (10,000 rows in a few milliseconds). */
export function memberLookups(db: Db) {
  const byNik = db.$client.prepare('SELECT id AS artId, kpm_id AS kpmId, nama FROM art WHERE nik = ?');
  const byNisn = db.$client.prepare('SELECT id AS artId, kpm_id AS kpmId, nama FROM art WHERE nisn = ?');
  return {
    byNik: (nik: string) => byNik.get(nik) as MatchedMember | undefined,
    byNisn: (nisn: string) => byNisn.get(nisn) as MatchedMember | undefined,
  };
}

export interface EducationMonthRow {
  artId: number;
  kpmId: number;
  month: string;
  alpa: number;
  izin: number;
  sakit: number;
  jml: number;
  attendanceBp: number;
  npsn: string;
  importId: number;
}

/** A re-imported month replaces the student's earlier figures for it. */
export function educationWriter(db: Db) {
  const upsert = db.$client.prepare(
    `INSERT INTO verkom_education (art_id, kpm_id, month, alpa, izin, sakit, jml, attendance_bp, npsn, import_id)
     VALUES (@artId, @kpmId, @month, @alpa, @izin, @sakit, @jml, @attendanceBp, @npsn, @importId)
     ON CONFLICT (art_id, month) DO UPDATE SET kpm_id = excluded.kpm_id, alpa = excluded.alpa,
       izin = excluded.izin, sakit = excluded.sakit, jml = excluded.jml, attendance_bp = excluded.attendance_bp,
       npsn = excluded.npsn, import_id = excluded.import_id`,
  );
  return (row: EducationMonthRow) => upsert.run(row).changes;
}

/** The rows an import wrote (its integrity check counts them back). */
export function educationRowsOfImport(db: Db, importId: number): number {
  return (
    db.$client.prepare('SELECT count(*) AS n FROM verkom_education WHERE import_id = ?').get(importId) as {
      n: number;
    }
  ).n;
}

export interface NonCompliantFamily {
  kpmId: number;
  nama: string;
  nik: string;
  pendampingId: number | null;
  pendampingName: string | null;
  /** Member-months below the attendance threshold. */
  educationMissed: number;
  /** Health visits recorded as not attended. */
  healthMissed: number;
  /** The months (YYYY-MM) with any missed commitment, comma-separated in order. */
  months: string;
}

/**
 * The families that missed a commitment in any of the months (from..to, YYYY-MM), by pendamping then name; a
 * pendamping's own list when pendampingId is given.
 */
export function nonCompliantFamilies(
  db: Db,
  q: { from: string; to: string; thresholdBp: number; pendampingId: number | null },
): NonCompliantFamily[] {
  return db.$client
    .prepare(
      `WITH missed AS (
         SELECT kpm_id, month, 1 AS edu, 0 AS health FROM verkom_education
           WHERE month BETWEEN @from AND @to AND attendance_bp < @thresholdBp
         UNION ALL
         SELECT kpm_id, month, 0, 1 FROM verkom_health
           WHERE month BETWEEN @from AND @to AND attended = 0
       ), per_family AS (
         SELECT kpm_id, sum(edu) AS educationMissed, sum(health) AS healthMissed,
           (SELECT group_concat(month, ',') FROM (SELECT DISTINCT m2.month FROM missed m2
              WHERE m2.kpm_id = missed.kpm_id ORDER BY m2.month)) AS months
         FROM missed GROUP BY kpm_id
       )
       SELECT k.id AS kpmId, k.nama, k.nik, k.pendamping_id AS pendampingId, p.name AS pendampingName,
         f.educationMissed, f.healthMissed, f.months
       FROM per_family f JOIN kpm k ON k.id = f.kpm_id LEFT JOIN pendamping p ON p.id = k.pendamping_id
       WHERE @pendampingId IS NULL OR k.pendamping_id = @pendampingId
       ORDER BY p.name IS NULL, p.name, k.nama, k.id`,
    )
    .all(q) as NonCompliantFamily[];
}

export interface FamilyEducationRow {
  artId: number;
  nama: string;
  month: string;
  alpa: number;
  izin: number;
  sakit: number;
  jml: number;
  attendanceBp: number;
  npsn: string;
  schoolName: string;
}

export function familyEducation(db: Db, kpmId: number): FamilyEducationRow[] {
  return db.$client
    .prepare(
      `SELECT e.art_id AS artId, a.nama, e.month, e.alpa, e.izin, e.sakit, e.jml, e.attendance_bp AS attendanceBp,
         e.npsn, i.school_name AS schoolName
       FROM verkom_education e JOIN art a ON a.id = e.art_id JOIN verkom_imports i ON i.id = e.import_id
       WHERE e.kpm_id = ? ORDER BY e.month DESC, a.nama`,
    )
    .all(kpmId) as FamilyEducationRow[];
}

export interface FamilyHealthRow {
  id: number;
  artId: number | null;
  nama: string;
  month: string;
  kind: string;
  attended: number;
}

export function familyHealth(db: Db, kpmId: number): FamilyHealthRow[] {
  return db.$client
    .prepare(
      `SELECT h.id, h.art_id AS artId, coalesce(a.nama, k.nama) AS nama, h.month, h.kind, h.attended
       FROM verkom_health h JOIN kpm k ON k.id = h.kpm_id LEFT JOIN art a ON a.id = h.art_id
       WHERE h.kpm_id = ? ORDER BY h.month DESC, nama, h.kind`,
    )
    .all(kpmId) as FamilyHealthRow[];
}

export interface HealthWrite {
  kpmId: number;
  artId: number | null;
  month: string;
  kind: string;
  attended: boolean;
  recordedBy: number | null;
  recordedAt: string;
}

/** One person's visit of a kind in a month: recorded again, it replaces the earlier answer. */
export function healthWriter(db: Db) {
  const upsert = db.$client.prepare(
    `INSERT INTO verkom_health (kpm_id, art_id, person_key, month, kind, attended, recorded_by, recorded_at)
     VALUES (@kpmId, @artId, coalesce(@artId, 0), @month, @kind, @attended, @recordedBy, @recordedAt)
     ON CONFLICT (kpm_id, person_key, month, kind) DO UPDATE SET attended = excluded.attended,
       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
  );
  return (w: HealthWrite) => upsert.run({ ...w, attended: w.attended ? 1 : 0 });
}

/** A person by NIK, pengurus (artId null) or member, for the health sheet. */
export function personByNik(db: Db, nik: string): { kpmId: number; artId: number | null } | undefined {
  return db.$client
    .prepare(
      `SELECT id AS kpmId, NULL AS artId FROM kpm WHERE nik = @nik
       UNION ALL SELECT kpm_id, id FROM art WHERE nik = @nik LIMIT 1`,
    )
    .get({ nik }) as { kpmId: number; artId: number | null } | undefined;
}

export interface MonthlyVerkomRow {
  pendampingId: number;
  /** Members (and pengurus) whose education or health commitment was checked in the month. */
  membersChecked: number;
  familiesChecked: number;
  /** Families with a missed commitment in the month. */
  nonCompliantFamilies: number;
}

/** Per pendamping, the month's checked members and families and the non-compliant families. */
export function monthlyVerkom(db: Db, month: string, thresholdBp: number): MonthlyVerkomRow[] {
  return db.$client
    .prepare(
      `WITH checked AS (
         SELECT kpm_id, art_id AS person, attendance_bp < @thresholdBp AS missed FROM verkom_education WHERE month = @month
         UNION ALL
         SELECT kpm_id, person_key, attended = 0 FROM verkom_health WHERE month = @month
       ), per_family AS (
         SELECT kpm_id, count(DISTINCT person) AS members, max(missed) AS missed FROM checked GROUP BY kpm_id
       )
       SELECT k.pendamping_id AS pendampingId, sum(f.members) AS membersChecked, count(*) AS familiesChecked,
         sum(f.missed) AS nonCompliantFamilies
       FROM per_family f JOIN kpm k ON k.id = f.kpm_id
       WHERE k.pendamping_id IS NOT NULL
       GROUP BY k.pendamping_id ORDER BY k.pendamping_id`,
    )
    .all({ month, thresholdBp }) as MonthlyVerkomRow[];
}

export function kpmPendamping(db: Db, kpmId: number): { pendampingId: number | null } | undefined {
  return db.$client.prepare('SELECT pendamping_id AS pendampingId FROM kpm WHERE id = ?').get(kpmId) as
    | { pendampingId: number | null }
    | undefined;
}
