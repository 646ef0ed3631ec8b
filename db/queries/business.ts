/** Graduates' businesses: the family checks, the timeline, the report's facts and the candidate lists. */
import { GRADUATED_STATUSES } from '../../main/domain/enums';
import type { Db } from '../open';
import { notCancelled } from './awards';
import { quotedList } from './sql-text';

const GRADUATED = quotedList(GRADUATED_STATUSES);

export interface BusinessFamily {
  id: number;
  nama: string;
  status: string;
  pendampingId: number | null;
}

export function businessFamily(db: Db, kpmId: number): BusinessFamily | undefined {
  return db.$client
    .prepare('SELECT id, nama, status, pendamping_id AS pendampingId FROM kpm WHERE id = ?')
    .get(kpmId) as BusinessFamily | undefined;
}

export function businessFamilies(db: Db, kpmIds: readonly number[]): BusinessFamily[] {
  if (kpmIds.length === 0) return [];
  return db.$client
    .prepare(
      `SELECT id, nama, status, pendamping_id AS pendampingId FROM kpm
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(kpmIds)) as BusinessFamily[];
}

export type TimelineKind = 'usaha' | 'catatan_usaha' | 'pelatihan' | 'jualan_online' | 'pena' | 'kube' | 'kunjungan';

export interface TimelineRow {
  kind: TimelineKind;
  date: string;
  id: number;
  title: string;
  detail: string;
  amount: number | null;
  flag: number | null;
}

/** Everything recorded about a family's business life, newest first (ties: newest record first). */
export function familyTimeline(db: Db, kpmId: number): TimelineRow[] {
  return db.$client
    .prepare(
      `SELECT * FROM (
         SELECT 'usaha' AS kind, b.start_date AS date, b.id, b.type AS title, b.description AS detail,
           NULL AS amount, NULL AS flag FROM businesses b WHERE b.kpm_id = :k
         UNION ALL
         SELECT 'catatan_usaha', e.entry_date, e.id, CAST(e.turnover AS TEXT), e.notes, e.income, e.running
           FROM business_entries e JOIN businesses b ON b.id = e.business_id WHERE b.kpm_id = :k
         UNION ALL
         SELECT 'pelatihan', t.start_date, t.id, t.course,
           t.institution || ' · s.d. ' || t.end_date || CASE WHEN t.certificate THEN ' · sertifikat ' || t.certificate_number ELSE '' END,
           NULL, t.completed FROM business_trainings t WHERE t.kpm_id = :k
         UNION ALL
         SELECT 'jualan_online', o.since, o.id, o.platform, o.account_name, NULL, NULL
           FROM business_online_shops o WHERE o.kpm_id = :k
         UNION ALL
         SELECT 'pena', p.date, p.id, p.scheme, '', p.amount, NULL FROM business_pena p WHERE p.kpm_id = :k
         UNION ALL
         SELECT 'kube', m.joined_on, g.id, g.name, g.business, NULL, NULL
           FROM kube_members m JOIN kube_groups g ON g.id = m.kube_id WHERE m.kpm_id = :k
         UNION ALL
         SELECT 'kunjungan', v.visited_date, v.id, 'Kunjungan bulan ke-' || v.months_after, v.notes, NULL, v.business_running
           FROM follow_up_visits v WHERE v.kpm_id = :k AND v.visited_date IS NOT NULL
       ) ORDER BY date DESC, kind, id DESC`,
    )
    .all({ k: kpmId }) as TimelineRow[];
}

export interface BusinessFactRow {
  kpmId: number;
  nama: string;
  nik: string;
  status: string;
  districtCode: string;
  kecamatan: string;
  pendampingId: number | null;
  businessId: number | null;
  type: string | null;
}

export interface FactFilter {
  districtCode?: string;
  pendampingId?: number | null;
}

/** Graduated families and every family with a business record (a slipped-back one may be aktif again). */
export function businessFacts(db: Db, filter: FactFilter): BusinessFactRow[] {
  // The two sets through their own indexes (status; businesses.kpm_id), never a scan of every family.
  const where: string[] = [
    `k.id IN (SELECT id FROM kpm WHERE status IN (${GRADUATED}) UNION ALL SELECT kpm_id FROM businesses)`,
  ];
  const args: (string | number)[] = [];
  if (filter.districtCode) {
    where.push('k.district_code = ?');
    args.push(filter.districtCode);
  }
  if (filter.pendampingId != null) {
    where.push('k.pendamping_id = ?');
    args.push(filter.pendampingId);
  }
  return db.$client
    .prepare(
      `SELECT k.id AS kpmId, k.nama, k.nik, k.status, k.district_code AS districtCode, coalesce(r.name, k.district_code) AS kecamatan,
         k.pendamping_id AS pendampingId, b.id AS businessId, b.type
       FROM kpm k LEFT JOIN businesses b ON b.kpm_id = k.id LEFT JOIN regions r ON r.code = k.district_code
       WHERE ${where.join(' AND ')} ORDER BY kecamatan, k.nama, k.id`,
    )
    .all(...args) as BusinessFactRow[];
}

export interface EntryFact {
  businessId: number;
  entryDate: string;
  running: number;
  income: number;
  turnover: number;
}

/** Every business entry in date order (ties by id): the slipped-back rule reads the history. */
export function allEntries(db: Db): EntryFact[] {
  return db.$client
    .prepare(
      `SELECT business_id AS businessId, entry_date AS entryDate, running, income, turnover
       FROM business_entries ORDER BY business_id, entry_date, id`,
    )
    .all() as EntryFact[];
}

export interface AwardLink {
  kpmId: number;
  programId: number;
  programName: string;
}

/** Which award programmes each family received from (cancelled awards do not count). */
export function awardLinks(db: Db, programId?: number): AwardLink[] {
  return db.$client
    .prepare(
      `SELECT DISTINCT a.kpm_id AS kpmId, p.id AS programId, p.name AS programName
       FROM awards a JOIN award_programs p ON p.id = a.program_id
       WHERE ${notCancelled('a')} AND (? IS NULL OR p.id = ?)`,
    )
    .all(programId ?? null, programId ?? null) as AwardLink[];
}

export interface CandidateRow {
  kpmId: number;
  nik: string;
  nama: string;
  alamat: string;
  kecamatan: string;
  desa: string;
  type: string;
  startDate: string;
  turnover: number | null;
  income: number | null;
  trainings: number;
  pena: number;
}

export interface CandidateFilter {
  districtCode?: string;
  type?: string;
  noTrainingYet: boolean;
  noPenaYet: boolean;
  pendampingId: number | null;
}

/** Graduated families with a business, for a BLK class or a PENA proposal, with their latest figures. */
export function candidateRows(db: Db, f: CandidateFilter): CandidateRow[] {
  return db.$client
    .prepare(
      `SELECT k.id AS kpmId, k.nik, k.nama, k.alamat, coalesce(d.name, '') AS kecamatan, coalesce(v.name, '') AS desa,
         b.type, b.start_date AS startDate, e.turnover, e.income,
         (SELECT count(*) FROM business_trainings t WHERE t.kpm_id = k.id) AS trainings,
         (SELECT count(*) FROM business_pena p WHERE p.kpm_id = k.id) AS pena
       FROM businesses b JOIN kpm k ON k.id = b.kpm_id
         LEFT JOIN regions d ON d.code = k.district_code LEFT JOIN regions v ON v.code = k.village_code
         LEFT JOIN business_entries e ON e.id = (SELECT id FROM business_entries x WHERE x.business_id = b.id
           ORDER BY x.entry_date DESC, x.id DESC LIMIT 1)
       WHERE k.status IN (${GRADUATED})
         AND (:district IS NULL OR k.district_code = :district) AND (:type IS NULL OR b.type = :type)
         AND (:pendamping IS NULL OR k.pendamping_id = :pendamping)
         AND (:noTraining = 0 OR NOT EXISTS (SELECT 1 FROM business_trainings t WHERE t.kpm_id = k.id))
         AND (:noPena = 0 OR NOT EXISTS (SELECT 1 FROM business_pena p WHERE p.kpm_id = k.id))
       ORDER BY kecamatan, desa, k.nama, k.id`,
    )
    .all({
      district: f.districtCode ?? null,
      type: f.type ?? null,
      pendamping: f.pendampingId,
      noTraining: f.noTrainingYet ? 1 : 0,
      noPena: f.noPenaYet ? 1 : 0,
    }) as CandidateRow[];
}

export interface FollowUpRecordCount {
  pendampingId: number | null;
  records: number;
  families: number;
}

/** Business entries recorded from follow-up visits dated in from..to, per the family's pendamping. */
export function followUpRecordCounts(db: Db, from: string, to: string): FollowUpRecordCount[] {
  return db.$client
    .prepare(
      `SELECT k.pendamping_id AS pendampingId, count(*) AS records, count(DISTINCT k.id) AS families
       FROM business_entries e JOIN businesses b ON b.id = e.business_id JOIN kpm k ON k.id = b.kpm_id
       WHERE e.visit_id IS NOT NULL AND e.entry_date BETWEEN ? AND ?
       GROUP BY k.pendamping_id ORDER BY k.pendamping_id`,
    )
    .all(from, to) as FollowUpRecordCount[];
}

export interface KubeMemberRow {
  kubeId: number;
  kpmId: number;
  nama: string;
  status: string;
}

export function kubeMemberRows(db: Db, kubeId: number): KubeMemberRow[] {
  return db.$client
    .prepare(
      `SELECT m.kube_id AS kubeId, k.id AS kpmId, k.nama, k.status FROM kube_members m JOIN kpm k ON k.id = m.kpm_id
       WHERE m.kube_id = ? ORDER BY k.nama, k.id`,
    )
    .all(kubeId) as KubeMemberRow[];
}

/** The families (of the given ones) that already belong to a KUBE, with its name. */
export function kubeOf(db: Db, kpmIds: readonly number[]): { kpmId: number; kubeName: string }[] {
  return db.$client
    .prepare(
      `SELECT m.kpm_id AS kpmId, g.name AS kubeName FROM kube_members m JOIN kube_groups g ON g.id = m.kube_id
       WHERE m.kpm_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(kpmIds)) as { kpmId: number; kubeName: string }[];
}
