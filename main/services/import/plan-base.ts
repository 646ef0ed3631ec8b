/**
 * What every planning pass shares: the plan's shapes, the user's choices for duplicates, and the notes
 * (problems, duplicates) a plan collects on its way.
 */
import type Database from 'better-sqlite3';
import type { Kpm } from '../../../db/schema';
import type { KpmField } from '../../domain/fields';
import type { Sex } from '../../domain/identity';
import type { ImportField } from '../../domain/import-fields';
import type { Komponen } from '../../domain/komponen';
import { type Hubungan, lowerFirst } from '../../domain/normalize';
import type { EncodedItems } from './plan-items';
import { problemMessage } from './rows';
import type { FamilyRecord, FamilyValues, ImportProblem, MemberRecord } from './types';

export type Choice = 'add' | 'update' | 'skip';
/**
 * file: same NIK/ID KPM as an earlier row; file_kk: same No. KK only; db: matches a registered family by
 * NIK/ID KPM and would change what is registered; db_fill: matches one and only fills in what is empty there
 * (an ID KPM, a phone number, new members); db_kk: matches one registered family by No. KK only.
 */
export type DuplicateKind = 'file' | 'file_kk' | 'db' | 'db_fill' | 'db_kk';

export interface ChoiceDefaults {
  file: 'skip' | 'update';
  fileKk: 'add' | 'skip';
  db: 'update' | 'skip';
  dbFill: 'update' | 'skip';
  dbKk: 'update' | 'add' | 'skip';
}

/**
 * Defaults that lose nothing: a registered family is changed only when the user says so (the report shows each
 * difference), while filling in what is empty is done unless the user says otherwise.
 */
export const DEFAULT_CHOICES: ChoiceDefaults = {
  file: 'skip',
  fileKk: 'add',
  db: 'skip',
  dbFill: 'update',
  dbKk: 'skip',
};

export const ALLOWED_CHOICES: Record<DuplicateKind, Choice[]> = {
  file: ['skip', 'update'],
  file_kk: ['add', 'skip'],
  db: ['update', 'skip'],
  db_fill: ['update', 'skip'],
  db_kk: ['update', 'add', 'skip'],
};

/** The ChoiceDefaults key of each kind of duplicate. */
export const DEFAULTS_KEY: Record<DuplicateKind, keyof ChoiceDefaults> = {
  file: 'file',
  file_kk: 'fileKk',
  db: 'db',
  db_fill: 'dbFill',
  db_kk: 'dbKk',
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
  idKpm: string | null;
  nik: string;
}

/** One value that differs: registered (or, for duplicates in the file, the earlier row's) and the file's. */
export interface Difference {
  label: string;
  registered: string;
  file: string;
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
  /** The same, with both values as the user reads them. */
  differences: Difference[];
  allowed: Choice[];
  choice: Choice;
}

export type Action = 'add' | 'update' | 'unchanged' | 'skip' | 'merged' | 'error';

/** The kpm values an import writes: the family's fields (fields.ts) but its status, and the komponen mask. */
export type WrittenField = Exclude<KpmField, 'status' | 'statusReason' | 'statusDate' | 'members'> | 'komponenMask';

/** A complete kpm row as it will be written, typed by the table (an ID KPM is null until Kemensos gives one). */
export type KpmValues = Pick<Kpm, WrittenField>;

export interface MemberWrite {
  /** Existing art id when the member is updated; absent for a new member. */
  id?: number;
  nik: string | null;
  nisn: string | null;
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

/** A plan as the worker builds it (plan.ts). */
export interface BuiltPlan {
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

/** A plan as the main process keeps it: its items encoded (plan-items.ts), the rest as built. */
export interface Plan extends Omit<BuiltPlan, 'items'> {
  items: EncodedItems;
}

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

/** What a family of the file stands for after pass 1: its own rows, or with a later row laid over them. */
export interface Effective {
  values: FamilyValues;
  members: readonly MemberRecord[];
  pendamping?: FamilyRecord['pendamping'];
}

/** Shared by the many plan items without members or changes (100,000 empty arrays otherwise). */
export const NONE: readonly never[] = Object.freeze([]);

/** The problems and duplicates a plan collects, and the user's choice for each duplicate. */
export class PlanNotes {
  readonly problems: ImportProblem[] = [];
  readonly duplicates: DuplicateItem[] = [];

  constructor(private readonly ctx: PlanContext) {}

  problem(
    f: FamilyRecord,
    field: ImportField | null,
    value: string,
    code: string,
    severity: 'error' | 'warning',
    message: string,
    expected: string,
  ): void {
    const where = field ? this.ctx.columnOf(field) : { header: '', column: '' };
    this.problems.push({
      row: f.row,
      column: where.column,
      header: where.header,
      field,
      value,
      code,
      severity,
      message: problemMessage(f.row, where.header, lowerFirst(message)),
      expected,
    });
  }

  /** The user's choice for this duplicate: the row's own, else the one for its kind. */
  choose(f: FamilyRecord, kind: DuplicateKind): Choice {
    const choices = this.ctx.choices;
    const override = choices.overrides[String(f.row)];
    if (override && ALLOWED_CHOICES[kind].includes(override)) return override;
    return choices.defaults[DEFAULTS_KEY[kind]] ?? DEFAULT_CHOICES[DEFAULTS_KEY[kind]];
  }
}
