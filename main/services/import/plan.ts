/**
 * The dry run: decides for every family in the file whether it is added, updates an existing family, is
 * unchanged, skipped or refused, following the user's choices for duplicates. The plan is exactly what
 * commit writes; its digest lets commit prove that nothing changed in between.
 */
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parseNik, type Sex } from '../../domain/identity';
import type { ImportField } from '../../domain/import-fields';
import { type Komponen, komponenMask } from '../../domain/komponen';
import { type Hubungan, personKey } from '../../domain/normalize';
import { problemMessage } from './rows';
import type { FamilyRecord, FamilyValues, ImportProblem, MemberRecord } from './types';
import { yieldNow } from './yield';

export type Choice = 'add' | 'update' | 'skip';
/** file: same NIK/ID KPM as an earlier row; file_kk: same No. KK only; db: matches a registered family by
 * NIK/ID KPM; db_kk: matches one registered family by No. KK only. */
export type DuplicateKind = 'file' | 'file_kk' | 'db' | 'db_kk';

export interface ChoiceDefaults {
  file: 'skip' | 'update';
  fileKk: 'add' | 'skip';
  db: 'update' | 'skip';
  dbKk: 'update' | 'add' | 'skip';
}

export const DEFAULT_CHOICES: ChoiceDefaults = { file: 'skip', fileKk: 'add', db: 'update', dbKk: 'skip' };

export const ALLOWED_CHOICES: Record<DuplicateKind, Choice[]> = {
  file: ['skip', 'update'],
  file_kk: ['add', 'skip'],
  db: ['update', 'skip'],
  db_kk: ['update', 'add', 'skip'],
};

export interface Choices {
  defaults: ChoiceDefaults;
  /** Per duplicate, keyed by the row number of the family (as text). */
  overrides: Record<string, Choice>;
  /** Pendamping names (as keys, see personKey) to create in the same transaction. */
  createPendamping: string[];
}

export interface ExistingFamilyRef {
  id: number;
  nama: string;
  idKpm: string;
  nik: string;
}

export interface DuplicateItem {
  row: number;
  kind: DuplicateKind;
  key: 'NIK' | 'ID KPM' | 'No. KK';
  value: string;
  otherRows: number[];
  existing: ExistingFamilyRef | null;
  /** Fields that differ (from the earlier row, or from the registered family). */
  changes: string[];
  allowed: Choice[];
  choice: Choice;
}

export type Action = 'add' | 'update' | 'unchanged' | 'skip' | 'merged' | 'error';

/** A complete kpm row as it will be written. */
export interface KpmValues {
  idKpm: string;
  idDtks: string | null;
  noKk: string;
  nik: string;
  nama: string;
  tempatLahir: string;
  tanggalLahir: string | null;
  jenisKelamin: Sex;
  komponen: Komponen | null;
  alamat: string;
  rt: string;
  rw: string;
  districtCode: string;
  villageCode: string;
  phone: string;
  tahunBergabung: number | null;
  pendampingId: number | null;
  notes: string;
  komponenMask: number;
}

export interface MemberWrite {
  /** Existing art id when the member is updated; absent for a new member. */
  id?: number;
  nik: string | null;
  nama: string;
  hubungan: Hubungan;
  tanggalLahir: string | null;
  jenisKelamin: Sex;
  komponen: Komponen | null;
}

export interface PlannedFamily {
  family: FamilyRecord;
  action: Action;
  targetId: number | null;
  values: KpmValues | null;
  /** Key of a pendamping created by this import for this family. */
  pendampingNew: string | null;
  members: readonly MemberWrite[];
  changes: readonly string[];
  /** For 'update': the kpm values that change (commit writes only these columns). */
  changedKeys: readonly (keyof KpmValues)[];
  /** For 'skip' and 'merged': why. */
  note: string;
}

export interface PlanCounts {
  families: number;
  add: number;
  update: number;
  unchanged: number;
  skip: number;
  merged: number;
  error: number;
  membersAdded: number;
  membersUpdated: number;
}

export interface UnknownPendamping {
  key: string;
  name: string;
  families: number;
  rows: number[];
  create: boolean;
}

export interface Plan {
  id: string;
  digest: string;
  fingerprint: string;
  items: PlannedFamily[];
  duplicates: DuplicateItem[];
  problems: ImportProblem[];
  counts: PlanCounts;
  unknownPendamping: UnknownPendamping[];
  pendampingToCreate: { key: string; name: string }[];
}

/** Changes when anything a plan depends on changes: every user change writes an audit row. */
export function databaseFingerprint(conn: Database.Database): string {
  const row = conn
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM audit_log) AS a, (SELECT count(*) FROM kpm) AS b,
              (SELECT coalesce(max(id), 0) FROM kpm) AS c, (SELECT coalesce(max(updated_at), '') FROM kpm) AS d,
              (SELECT count(*) FROM art) AS e, (SELECT coalesce(max(id), 0) FROM art) AS f,
              (SELECT count(*) FROM pendamping) AS g, (SELECT coalesce(max(updated_at), '') FROM pendamping) AS h`,
    )
    .get() as Record<string, unknown>;
  return Object.values(row).join('|');
}

/** A registered kpm row as read for matching: [id, ...values in EXISTING_KEYS order] (arrays: 100,000 of them). */
type ExistingRow = unknown[];

const EXISTING_KEYS: (keyof KpmValues)[] = [
  'idKpm',
  'idDtks',
  'noKk',
  'nik',
  'nama',
  'tempatLahir',
  'tanggalLahir',
  'jenisKelamin',
  'komponen',
  'alamat',
  'rt',
  'rw',
  'districtCode',
  'villageCode',
  'phone',
  'tahunBergabung',
  'pendampingId',
  'notes',
  'komponenMask',
];
const AT = Object.fromEntries(EXISTING_KEYS.map((key, i) => [key, i + 1])) as Record<keyof KpmValues, number>;

function existingValues(row: ExistingRow): KpmValues {
  return Object.fromEntries(EXISTING_KEYS.map((key, i) => [key, row[i + 1]])) as unknown as KpmValues;
}

interface ExistingArt extends MemberWrite {
  id: number;
  kpmId: number;
}

const KPM_COLUMNS = `id, id_kpm AS idKpm, id_dtks AS idDtks, no_kk AS noKk, nik, nama, tempat_lahir AS tempatLahir,
  tanggal_lahir AS tanggalLahir, jenis_kelamin AS jenisKelamin, komponen, alamat, rt, rw, district_code AS districtCode,
  village_code AS villageCode, phone, tahun_bergabung AS tahunBergabung, pendamping_id AS pendampingId, notes,
  komponen_mask AS komponenMask`;

const VALUE_LABEL: Record<keyof KpmValues, string> = {
  idKpm: 'ID KPM',
  idDtks: 'ID DTKS',
  noKk: 'No. KK',
  nik: 'NIK',
  nama: 'nama',
  tempatLahir: 'tempat lahir',
  tanggalLahir: 'tanggal lahir',
  jenisKelamin: 'jenis kelamin',
  komponen: 'komponen',
  alamat: 'alamat',
  rt: 'RT',
  rw: 'RW',
  districtCode: 'kecamatan',
  villageCode: 'desa/kelurahan',
  phone: 'nomor HP',
  tahunBergabung: 'tahun bergabung',
  pendampingId: 'pendamping',
  notes: 'catatan',
  komponenMask: 'komponen',
};

/** Which field of the mapping carries each value (for the column of a problem). */
const VALUE_FIELD: Partial<Record<keyof FamilyValues, ImportField>> = {
  idKpm: 'idKpm',
  noKk: 'noKk',
  nik: 'nik',
  nama: 'nama',
  districtCode: 'kecamatan',
  villageCode: 'desa',
};

/** Shared by the many plan items without members or changes (100,000 empty arrays otherwise). */
const NONE: readonly never[] = Object.freeze([]);

export interface PlanContext {
  conn: Database.Database;
  choices: Choices;
  today: Date;
  /** Header and column letter of a field, for problems. */
  columnOf(field: ImportField): { header: string; column: string };
  /** Called between chunks; may throw to cancel. */
  onProgress?(done: number, total: number): void | Promise<void>;
  /** Plans computed inside a write transaction must not yield. */
  synchronous?: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

function sameFamilyContent(a: FamilyRecord, b: FamilyRecord): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]) as Set<keyof FamilyValues>;
  for (const k of keys) if (!sameValue(a.values[k], b.values[k])) return false;
  if ((a.pendamping?.key ?? '') !== (b.pendamping?.key ?? '')) return false;
  return JSON.stringify(a.members.map(memberSignature)) === JSON.stringify(b.members.map(memberSignature));
}

function memberSignature(m: MemberRecord) {
  return [m.nik ?? '', m.nama, m.hubungan, m.tanggalLahir ?? '', m.jenisKelamin, m.komponen ?? ''];
}

function differingFields(a: FamilyValues, b: FamilyValues): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof FamilyValues>;
  return [...keys]
    .filter((k) => b[k] !== undefined && !sameValue(a[k], b[k]))
    .map((k) => VALUE_LABEL[k as keyof KpmValues] ?? k);
}

/** Builds the plan. Families with errors stay errors; the rest are classified against the file and the database. */
export async function buildPlan(families: FamilyRecord[], ctx: PlanContext): Promise<Plan> {
  const { conn, choices } = ctx;
  // Taken before the first read of the registry: a write that lands while the plan is built (it yields between
  // chunks) then changes the fingerprint, and commit recomputes the plan instead of writing a stale one.
  const fingerprint = databaseFingerprint(conn);
  const problems: ImportProblem[] = [];
  const duplicates: DuplicateItem[] = [];
  const createSet = new Set(choices.createPendamping);
  const planProblem = (
    f: FamilyRecord,
    field: ImportField | null,
    value: string,
    code: string,
    severity: 'error' | 'warning',
    message: string,
    expected: string,
  ) => {
    const where = field ? ctx.columnOf(field) : { header: '', column: '' };
    problems.push({
      row: f.row,
      column: where.column,
      header: where.header,
      field,
      value,
      code,
      severity,
      message: problemMessage(f.row, where.header, message),
      expected,
    });
  };
  const choose = (f: FamilyRecord, kind: DuplicateKind): Choice => {
    const override = choices.overrides[String(f.row)];
    if (override && ALLOWED_CHOICES[kind].includes(override)) return override;
    const d = choices.defaults;
    return kind === 'file' ? d.file : kind === 'file_kk' ? d.fileKk : kind === 'db' ? d.db : d.dbKk;
  };

  const items: PlannedFamily[] = families.map((family) => ({
    family,
    action: family.error ? 'error' : 'add',
    targetId: null,
    values: null,
    pendampingNew: null,
    members: NONE,
    changes: NONE,
    changedKeys: NONE,
    note: '',
  }));

  // --- pass 1: duplicates inside the file ---------------------------------------------------------------------
  // Only families without errors claim their keys, so a corrected row after a broken one still counts.
  const effective = new Map<
    PlannedFamily,
    { values: FamilyValues; members: readonly MemberRecord[]; pendamping?: FamilyRecord['pendamping'] }
  >();
  const byNik = new Map<string, PlannedFamily>();
  const byIdKpm = new Map<string, PlannedFamily>();
  const byKk = new Map<string, PlannedFamily>();
  for (const item of items) {
    if (item.action === 'error') continue;
    const f = item.family;
    const v = f.values;
    const gN = v.nik ? byNik.get(v.nik) : undefined;
    const gI = v.idKpm ? byIdKpm.get(v.idKpm) : undefined;
    if (gN && gI && gN !== gI) {
      item.action = 'error';
      planProblem(
        f,
        'nik',
        v.nik ?? '',
        'FILE_KEY_CONFLICT',
        'error',
        `NIK sama dengan baris ${gN.family.row} tetapi ID KPM sama dengan baris ${gI.family.row}; periksa kedua baris itu.`,
        'NIK dan ID KPM milik keluarga yang sama',
      );
      continue;
    }
    const earlier = gN ?? gI;
    if (earlier) {
      const key: DuplicateItem['key'] = gN ? 'NIK' : 'ID KPM';
      const value = (gN ? v.nik : v.idKpm) as string;
      if (sameFamilyContent(earlier.family, f)) {
        item.action = 'skip';
        item.note = `sama persis dengan baris ${earlier.family.row}`;
        planProblem(
          f,
          gN ? 'nik' : 'idKpm',
          value,
          'FILE_DUPLICATE_SAME',
          'warning',
          `baris ini sama persis dengan baris ${earlier.family.row} (${key} ${value}); dilewati.`,
          'setiap keluarga satu kali',
        );
        continue;
      }
      const choice = choose(f, 'file');
      duplicates.push({
        row: f.row,
        kind: 'file',
        key,
        value,
        otherRows: [earlier.family.row],
        existing: null,
        changes: differingFields(earlier.family.values, v),
        allowed: ALLOWED_CHOICES.file,
        choice,
      });
      if (choice === 'update') {
        const target = effective.get(earlier) as {
          values: FamilyValues;
          members: readonly MemberRecord[];
          pendamping?: FamilyRecord['pendamping'];
        };
        target.values = { ...target.values, ...v };
        target.members = mergeMemberRecords(target.members, f.members);
        target.pendamping = f.pendamping ?? target.pendamping;
        item.action = 'merged';
        item.note = `menimpa data baris ${earlier.family.row}`;
      } else {
        item.action = 'skip';
        item.note = `${key} sama dengan baris ${earlier.family.row}`;
      }
      continue;
    }
    const sameKk = v.noKk ? byKk.get(v.noKk) : undefined;
    if (sameKk && sameKk.family.values.nik !== v.nik) {
      const choice = choose(f, 'file_kk');
      duplicates.push({
        row: f.row,
        kind: 'file_kk',
        key: 'No. KK',
        value: v.noKk as string,
        otherRows: [sameKk.family.row],
        existing: null,
        changes: differingFields(sameKk.family.values, v),
        allowed: ALLOWED_CHOICES.file_kk,
        choice,
      });
      if (choice === 'skip') {
        item.action = 'skip';
        item.note = `No. KK sama dengan baris ${sameKk.family.row}`;
        continue;
      }
    }
    if (v.nik) byNik.set(v.nik, item);
    if (v.idKpm) byIdKpm.set(v.idKpm, item);
    if (v.noKk && !byKk.has(v.noKk)) byKk.set(v.noKk, item);
    effective.set(item, { values: v, members: f.members, pendamping: f.pendamping });
  }

  // --- the database's keys --------------------------------------------------------------------------------------
  const kpmKeys = conn.prepare('SELECT id, nik, id_kpm, no_kk FROM kpm').raw().all() as [
    number,
    string,
    string,
    string,
  ][];
  const dbByNik = new Map<string, number>();
  const dbByIdKpm = new Map<string, number>();
  const dbByKk = new Map<string, number[]>();
  for (const [id, nik, idKpm, noKk] of kpmKeys) {
    dbByNik.set(nik, id);
    dbByIdKpm.set(idKpm, id);
    const list = dbByKk.get(noKk);
    if (list) list.push(id);
    else dbByKk.set(noKk, [id]);
  }
  const artByNik = new Map<string, number>();
  if (conn.prepare('SELECT EXISTS (SELECT 1 FROM art) AS any').pluck().get() === 1) {
    const fileNiks: string[] = [];
    for (const [, e] of effective) {
      if (e.values.nik) fileNiks.push(e.values.nik);
      for (const m of e.members) if (m.nik) fileNiks.push(m.nik);
    }
    const rows = conn
      .prepare('SELECT nik, kpm_id FROM art WHERE nik IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(fileNiks)) as [string, number][];
    for (const [nik, kpmId] of rows) artByNik.set(nik, kpmId);
  }
  const pendampingRows = conn.prepare('SELECT id, name, active FROM pendamping').all() as {
    id: number;
    name: string;
    active: number;
  }[];
  const pendampingByKey = new Map<string, { id: number; name: string; active: number }[]>();
  for (const p of pendampingRows) {
    const key = personKey(p.name);
    pendampingByKey.set(key, [...(pendampingByKey.get(key) ?? []), p]);
  }

  // --- pass 2: match against the database ------------------------------------------------------------------------
  const matched = new Map<PlannedFamily, { id: number; via: 'NIK' | 'ID KPM' | 'No. KK' }>();
  for (const [item, e] of effective) {
    const v = e.values;
    const idN = v.nik ? dbByNik.get(v.nik) : undefined;
    const idI = v.idKpm ? dbByIdKpm.get(v.idKpm) : undefined;
    if (idN !== undefined && idI !== undefined && idN !== idI) {
      item.action = 'error';
      planProblem(
        item.family,
        'idKpm',
        v.idKpm as string,
        'DB_KEY_CONFLICT',
        'error',
        `NIK ${v.nik} terdaftar pada satu keluarga, sedangkan ID KPM ${v.idKpm} terdaftar pada keluarga lain; periksa keduanya di daftar KPM.`,
        'NIK dan ID KPM milik keluarga yang sama',
      );
      continue;
    }
    let id = idN ?? idI;
    let via: 'NIK' | 'ID KPM' | 'No. KK' = idN !== undefined ? 'NIK' : 'ID KPM';
    if (id === undefined && v.noKk) {
      const ids = dbByKk.get(v.noKk) ?? [];
      if (ids.length > 1) {
        item.action = 'error';
        planProblem(
          item.family,
          'noKk',
          v.noKk,
          'DB_KK_AMBIGUOUS',
          'error',
          `No. KK ${v.noKk} cocok dengan ${ids.length} keluarga terdaftar; isi NIK atau ID KPM agar jelas keluarga mana yang dimaksud.`,
          'NIK atau ID KPM yang terdaftar',
        );
        continue;
      }
      if (ids.length === 1) {
        id = ids[0];
        via = 'No. KK';
      }
    }
    if (id !== undefined) matched.set(item, { id, via });
  }

  const ids = [...new Set([...matched.values()].map((m) => m.id))];
  const existingById = new Map<number, ExistingRow>();
  const membersByKpm = new Map<number, ExistingArt[]>();
  if (ids.length > 0) {
    const json = JSON.stringify(ids);
    for (const row of conn
      .prepare(`SELECT ${KPM_COLUMNS} FROM kpm WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(json) as ExistingRow[]) {
      existingById.set(row[0] as number, row);
    }
    const artRows = conn
      .prepare(
        `SELECT id, kpm_id AS kpmId, nik, nama, hubungan, tanggal_lahir AS tanggalLahir, jenis_kelamin AS jenisKelamin, komponen
         FROM art WHERE kpm_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(json) as ExistingArt[];
    for (const a of artRows) membersByKpm.set(a.kpmId, [...(membersByKpm.get(a.kpmId) ?? []), a]);
  }
  const targetClaimed = new Map<number, PlannedFamily>();
  const fileMemberNik = new Map<string, number>();

  const unknown = new Map<string, UnknownPendamping>();
  const resolvePendamping = (
    item: PlannedFamily,
    p: FamilyRecord['pendamping'],
  ): { id: number | null | undefined; newKey: string | null } => {
    if (!p) return { id: undefined, newKey: null };
    const found = pendampingByKey.get(p.key) ?? [];
    if (found.length === 1) {
      if (!found[0].active) {
        planProblem(
          item.family,
          'pendamping',
          p.name,
          'PENDAMPING_INACTIVE',
          'warning',
          `pendamping ${found[0].name} sudah tidak aktif; tetap dicatat sebagai pendamping keluarga ini.`,
          'pendamping yang aktif',
        );
      }
      return { id: found[0].id, newKey: null };
    }
    if (found.length > 1) {
      planProblem(
        item.family,
        'pendamping',
        p.name,
        'PENDAMPING_AMBIGUOUS',
        'warning',
        `nama pendamping ${p.name} cocok dengan ${found.length} pendamping; pendamping tidak diisi.`,
        'nama pendamping yang unik',
      );
      return { id: undefined, newKey: null };
    }
    const entry = unknown.get(p.key) ?? {
      key: p.key,
      name: p.name,
      families: 0,
      rows: [],
      create: createSet.has(p.key),
    };
    entry.families++;
    if (entry.rows.length < 20) entry.rows.push(item.family.row);
    unknown.set(p.key, entry);
    if (entry.create) return { id: null, newKey: p.key };
    planProblem(
      item.family,
      'pendamping',
      p.name,
      'PENDAMPING_UNKNOWN',
      'warning',
      `pendamping ${p.name} tidak ada di daftar pendamping; keluarga disimpan tanpa pendamping (atau pilih "buat pendamping baru").`,
      'nama pendamping yang terdaftar',
    );
    return { id: undefined, newKey: null };
  };

  let done = 0;
  const total = effective.size;
  for (const [item, e] of effective) {
    if (++done % 5000 === 0) {
      await ctx.onProgress?.(done, total);
      if (!ctx.synchronous) await yieldNow();
    }
    if (item.action === 'error') continue;
    const f = item.family;
    const v = e.values;
    const match = matched.get(item);

    // Member NIKs: once in the file, and not registered with another family.
    let memberError = false;
    for (const m of e.members) {
      if (!m.nik) continue;
      const other = fileMemberNik.get(m.nik) ?? byNik.get(m.nik)?.family.row;
      if (other !== undefined && other !== f.row) {
        planProblem(
          f,
          'artNik',
          m.nik,
          'MEMBER_NIK_DUPLICATE',
          'error',
          `NIK anggota ${m.nik} (${m.nama}) juga ada di baris ${other}.`,
          'setiap NIK satu kali',
        );
        memberError = true;
      }
      fileMemberNik.set(m.nik, f.row);
      const asPengurus = dbByNik.get(m.nik);
      const asMember = artByNik.get(m.nik);
      const elsewhere =
        (asPengurus !== undefined && asPengurus !== match?.id) || (asMember !== undefined && asMember !== match?.id);
      if (elsewhere) {
        planProblem(
          f,
          'artNik',
          m.nik,
          'MEMBER_NIK_EXISTS',
          'error',
          `NIK anggota ${m.nik} (${m.nama}) sudah terdaftar pada keluarga lain.`,
          'NIK yang belum terdaftar di keluarga lain',
        );
        memberError = true;
      }
    }
    if (v.nik) {
      const asMember = artByNik.get(v.nik);
      if (asMember !== undefined && asMember !== match?.id) {
        planProblem(
          f,
          'nik',
          v.nik,
          'NIK_IS_MEMBER',
          'error',
          `NIK ${v.nik} sudah terdaftar sebagai anggota keluarga lain.`,
          'NIK yang belum terdaftar di keluarga lain',
        );
        memberError = true;
      }
    }
    if (memberError) {
      item.action = 'error';
      continue;
    }

    const pendamping = resolvePendamping(item, e.pendamping);
    if (match) {
      const existing = existingById.get(match.id) as ExistingRow;
      const claimed = targetClaimed.get(match.id);
      const kind: DuplicateKind = match.via === 'No. KK' ? 'db_kk' : 'db';
      // "add" beside a family registered under the same No. KK claims nothing: another row's claim is moot.
      const addsBeside = claimed !== undefined && kind === 'db_kk' && choose(f, kind) === 'add';
      if (claimed && !addsBeside) {
        item.action = 'error';
        planProblem(
          f,
          match.via === 'NIK' ? 'nik' : match.via === 'ID KPM' ? 'idKpm' : 'noKk',
          (match.via === 'NIK' ? v.nik : match.via === 'ID KPM' ? v.idKpm : v.noKk) ?? '',
          'DB_MATCH_TWICE',
          'error',
          `baris ini dan baris ${claimed.family.row} sama-sama cocok dengan KPM ${existing[AT.nama]} (ID KPM ${existing[AT.idKpm]}).`,
          'satu baris per keluarga terdaftar',
        );
        continue;
      }
      const merged = mergeIntoExisting(existing, v, e.members, membersByKpm.get(match.id) ?? [], pendamping);
      if (merged.changes.length === 0 && !addsBeside) {
        item.action = 'unchanged';
        item.targetId = match.id;
        targetClaimed.set(match.id, item);
        continue;
      }
      const choice = choose(f, kind);
      duplicates.push({
        row: f.row,
        kind,
        key: match.via,
        value: (match.via === 'NIK' ? v.nik : match.via === 'ID KPM' ? v.idKpm : v.noKk) as string,
        otherRows: [],
        existing: {
          id: match.id,
          nama: existing[AT.nama] as string,
          idKpm: existing[AT.idKpm] as string,
          nik: existing[AT.nik] as string,
        },
        changes: merged.changes,
        allowed: ALLOWED_CHOICES[kind],
        choice,
      });
      if (choice === 'skip') {
        item.action = 'skip';
        item.targetId = match.id;
        item.note = `cocok dengan KPM terdaftar (${match.via}); dipilih lewati`;
        continue;
      }
      if (choice === 'update') {
        item.action = 'update';
        item.targetId = match.id;
        item.values = merged.values;
        item.members = merged.members;
        item.changes = merged.changes;
        item.changedKeys = merged.changedKeys;
        item.pendampingNew = pendamping.newKey;
        targetClaimed.set(match.id, item);
        continue;
      }
      // 'add' for a No. KK match: a second family in the same KK; falls through to the checks for new families.
    }
    const values = newFamilyValues(f, v, e.members, pendamping.id ?? null, ctx.today);
    if (!values.ok) {
      item.action = 'error';
      planProblem(f, values.field, '', values.code, 'error', values.message, values.expected);
      continue;
    }
    item.action = 'add';
    item.values = values.value;
    item.members = e.members.length > 0 ? e.members.map(memberWrite) : NONE;
    item.pendampingNew = pendamping.newKey;
  }

  const counts: PlanCounts = {
    families: items.length,
    add: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    merged: 0,
    error: 0,
    membersAdded: 0,
    membersUpdated: 0,
  };
  const hash = createHash('sha256');
  let pending = '';
  for (const item of items) {
    if (pending.length > 65536) {
      hash.update(pending);
      pending = '';
    }
    counts[item.action]++;
    if (item.action === 'add' || item.action === 'update') {
      for (const m of item.members) {
        if (m.id) counts.membersUpdated++;
        else counts.membersAdded++;
      }
      // A new family's values follow from its rows (fixed for the job) and its pendamping; an update's depend on
      // what is registered, so they are part of the digest in full, with what the report says changes: a family
      // edited meanwhile back to other values ends with the same values but changes more than the user saw.
      const detail =
        item.action === 'add'
          ? `${item.values?.pendampingId}`
          : `${JSON.stringify(item.values)}|${JSON.stringify(item.members)}|${item.changes.join(',')}`;
      pending += `${item.family.row}|${item.action}|${item.targetId}|${detail}|${item.pendampingNew}\n`;
    } else {
      pending += `${item.family.row}|${item.action}|${item.targetId}\n`;
    }
  }
  hash.update(pending);
  const pendampingToCreate = [...unknown.values()].filter((u) => u.create).map((u) => ({ key: u.key, name: u.name }));
  hash.update(JSON.stringify(pendampingToCreate));
  return {
    id: randomUUID(),
    digest: hash.digest('hex'),
    fingerprint,
    items,
    duplicates,
    problems,
    counts,
    unknownPendamping: [...unknown.values()].sort((a, b) => b.families - a.families),
    pendampingToCreate,
  };
}

function memberWrite(m: MemberRecord): MemberWrite {
  return {
    nik: m.nik ?? null,
    nama: m.nama,
    hubungan: m.hubungan,
    tanggalLahir: m.tanggalLahir ?? null,
    jenisKelamin: m.jenisKelamin,
    komponen: m.komponen ?? null,
  };
}

function mergeMemberRecords(a: readonly MemberRecord[], b: readonly MemberRecord[]): MemberRecord[] {
  const out = [...a];
  for (const m of b) {
    const i = out.findIndex((x) => (m.nik && x.nik === m.nik) || (!m.nik && !x.nik && x.nama === m.nama));
    if (i >= 0) out[i] = { ...out[i], ...definedOnly(m) };
    else out.push(m);
  }
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type NewValues =
  | { ok: true; value: KpmValues }
  | { ok: false; field: ImportField | null; code: string; message: string; expected: string };

const REQUIRED_FOR_NEW: [keyof FamilyValues, string][] = [
  ['idKpm', 'ID KPM'],
  ['nik', 'NIK'],
  ['noKk', 'No. KK'],
  ['nama', 'nama pengurus'],
];

function newFamilyValues(
  f: FamilyRecord,
  v: FamilyValues,
  members: readonly MemberRecord[],
  pendampingId: number | null,
  today: Date,
): NewValues {
  for (const [key, label] of REQUIRED_FOR_NEW) {
    if (!v[key]) {
      return {
        ok: false,
        field: VALUE_FIELD[key] ?? null,
        code: 'NEW_FAMILY_INCOMPLETE',
        message: `${label} kosong; keluarga baru wajib punya ${label}.`,
        expected: `${label} terisi`,
      };
    }
  }
  if (!v.villageCode || !v.districtCode) {
    return {
      ok: false,
      field: 'desa',
      code: 'NEW_FAMILY_INCOMPLETE',
      message: f.districtOnly
        ? 'desa/kelurahan kosong; keluarga baru wajib punya desa/kelurahan.'
        : 'kecamatan dan desa/kelurahan kosong; keluarga baru wajib punya alamat wilayah.',
      expected: 'nama atau kode desa/kelurahan',
    };
  }
  const nik = v.jenisKelamin ? null : parseNik(v.nik as string, today);
  const komponen = v.komponen ?? null;
  return {
    ok: true,
    value: {
      idKpm: v.idKpm as string,
      idDtks: v.idDtks ?? null,
      noKk: v.noKk as string,
      nik: v.nik as string,
      nama: v.nama as string,
      tempatLahir: v.tempatLahir ?? '',
      tanggalLahir: v.tanggalLahir ?? null,
      jenisKelamin: v.jenisKelamin ?? (nik?.ok ? nik.value.sex : 'P'),
      komponen,
      alamat: v.alamat ?? '',
      rt: v.rt ?? '',
      rw: v.rw ?? '',
      districtCode: v.districtCode,
      villageCode: v.villageCode,
      phone: v.phone ?? '',
      tahunBergabung: v.tahunBergabung ?? null,
      pendampingId,
      notes: v.notes ?? '',
      komponenMask: komponenMask([komponen, ...members.map((m) => m.komponen ?? null)]),
    },
  };
}

/**
 * The registered family with the file's values laid over it; blank cells never erase registered data. Only
 * what the file gives is compared, and the merged values are built only for a family that changes: a re-import
 * of 100,000 unchanged families then allocates almost nothing.
 */
function mergeIntoExisting(
  existing: ExistingRow,
  v: FamilyValues,
  fileMembers: readonly MemberRecord[],
  existingMembers: ExistingArt[],
  pendamping: { id: number | null | undefined; newKey: string | null },
): { values: KpmValues; members: MemberWrite[]; changes: string[]; changedKeys: (keyof KpmValues)[] } {
  const changedKeys: (keyof KpmValues)[] = [];
  for (const key of Object.keys(v) as (keyof FamilyValues)[]) {
    if (v[key] !== undefined && !sameValue(v[key], existing[AT[key]])) changedKeys.push(key);
  }
  if (pendamping.id !== undefined && pendamping.id !== null && pendamping.id !== existing[AT.pendampingId]) {
    changedKeys.push('pendampingId');
  }
  const members: MemberWrite[] = [];
  const finalKomponen = new Map<number | string, Komponen | null>();
  let memberChanged = false;
  if (fileMembers.length > 0) {
    for (const m of existingMembers) finalKomponen.set(m.id, m.komponen);
    const used = new Set<number>();
    fileMembers.forEach((m, i) => {
      const found = existingMembers.find(
        (x) =>
          !used.has(x.id) &&
          ((m.nik && x.nik === m.nik) || (!m.nik && x.nama === m.nama) || (m.nik && !x.nik && x.nama === m.nama)),
      );
      if (!found) {
        members.push(memberWrite(m));
        finalKomponen.set(`new${i}`, m.komponen ?? null);
        memberChanged = true;
        return;
      }
      used.add(found.id);
      const next: MemberWrite = {
        id: found.id,
        nik: m.nik ?? found.nik,
        nama: m.nama,
        hubungan: m.hubungan,
        tanggalLahir: m.tanggalLahir ?? found.tanggalLahir,
        jenisKelamin: m.jenisKelamin,
        komponen: m.komponen ?? found.komponen,
      };
      const same =
        next.nik === found.nik &&
        next.nama === found.nama &&
        next.hubungan === found.hubungan &&
        next.tanggalLahir === found.tanggalLahir &&
        next.jenisKelamin === found.jenisKelamin &&
        next.komponen === found.komponen;
      if (!same) {
        members.push(next);
        finalKomponen.set(found.id, next.komponen);
        memberChanged = true;
      }
    });
  }
  if (changedKeys.length === 0 && !memberChanged && !pendamping.newKey) {
    return { values: NO_VALUES, members, changes: [], changedKeys };
  }
  const current = existingValues(existing);
  const values: KpmValues = { ...current };
  for (const key of changedKeys)
    (values as unknown as Record<string, unknown>)[key] =
      key === 'pendampingId' ? pendamping.id : v[key as keyof FamilyValues];
  const changes = changedKeys.map((k) => VALUE_LABEL[k]);
  if (pendamping.newKey) changes.push('pendamping (baru)');
  if (memberChanged) changes.push('anggota keluarga');
  // The komponen mask follows the komponen; it is recomputed only when they change, so a re-import of the
  // same data leaves it as the registry keeps it.
  if (memberChanged || changedKeys.includes('komponen')) {
    if (!memberChanged) {
      for (const m of existingMembers) finalKomponen.set(m.id, m.komponen);
    }
    values.komponenMask = komponenMask([values.komponen, ...finalKomponen.values()]);
    if (values.komponenMask !== current.komponenMask) changedKeys.push('komponenMask');
  }
  if (pendamping.newKey) changedKeys.push('pendampingId');
  return { values, members, changes, changedKeys };
}

/** Stands for "no values" when a family is unchanged. */
const NO_VALUES = Object.freeze({}) as KpmValues;
