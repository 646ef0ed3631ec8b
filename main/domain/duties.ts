/**
 * Who may do what, one table per domain (the README's tables of who may do what are checked against these).
 * The contract names each method's duty (`duty: 'awards.plan'`) and the dispatcher refuses by it; the services
 * check the same entries, and the renderer shows an action only to the roles of its entry. Graduation's own
 * table, GRADUATION_DUTIES, lives beside its schemas (decision.ts) and is listed in DUTIES below.
 */
import { BUSINESS_DUTIES } from './business';
import { GRADUATION_DUTIES } from './decision';
import { OFFICE_ROLES, ROLES, type Role } from './enums';
import { COMPLAINT_DUTIES, EVALUATION_DUTIES } from './evaluation';

/** The office's roles and the pendamping role, for duties the services scope to a pendamping's own families. */
const WITH_PENDAMPING = [...OFFICE_ROLES, 'pendamping'] as const satisfies readonly Role[];

/** Logging in is public; the rest of an account is its owner's or the administrator's. */
export const ACCOUNT_DUTIES = {
  ownPassword: ROLES,
  manageUsers: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** The office profile, benefit amounts and the security settings (session length, who sees a full NIK). */
export const SETTINGS_DUTIES = {
  view: OFFICE_ROLES,
  edit: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const REGION_DUTIES = {
  /** The office's kecamatan and desa names: no family data, the KPM filters of every role need them. */
  view: WITH_PENDAMPING,
} as const satisfies Record<string, readonly Role[]>;

/** The registry of families (KPM). */
export const FAMILY_DUTIES = {
  view: OFFICE_ROLES,
  /** The list and a family's page: a pendamping account sees its own families only (scoped in the services). */
  viewOwn: WITH_PENDAMPING,
  edit: ['admin', 'operator'],
} as const satisfies Record<string, readonly Role[]>;

export const PENDAMPING_DUTIES = {
  view: OFFICE_ROLES,
  /** Add and edit pendamping, move families between them. */
  edit: ['admin', 'operator'],
} as const satisfies Record<string, readonly Role[]>;

/** Spreadsheet imports: check, commit, undo, saved column mappings. */
export const IMPORT_DUTIES = {
  run: ['admin', 'operator'],
} as const satisfies Record<string, readonly Role[]>;

/** Exits (keluar) and graduation candidates, before verification. */
export const CANDIDATE_DUTIES = {
  view: OFFICE_ROLES,
  /** The candidate list: a pendamping account sees its own families' candidates only. */
  viewOwn: WITH_PENDAMPING,
  exitTypes: ['admin'],
  exit: ['admin', 'operator'],
  /** Add candidates (one by one, list import, alamiah scan) and withdraw them. */
  edit: ['admin', 'operator'],
  /**
   * Propose one family as a mandiri candidate: the operators' duty, and a pendamping's for its own families (it
   * knows them best; verification and decision stay with the office).
   */
  addOne: ['admin', 'operator', 'pendamping'],
} as const satisfies Record<string, readonly Role[]>;

/** The graduation dashboard, targets and the graduation settings. */
export const PROGRESS_DUTIES = {
  view: OFFICE_ROLES,
  targets: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Follow-up visits after graduation. */
export const VISIT_DUTIES = {
  /** A pendamping account sees and records its own families' visits only (scoped in the services). */
  view: WITH_PENDAMPING,
  record: ['admin', 'operator', 'verifikator', 'pendamping'],
} as const satisfies Record<string, readonly Role[]>;

export const DOCUMENT_DUTIES = {
  /** The register, a code's verification, the keys. */
  view: OFFICE_ROLES,
  /** Document settings, templates, signatories, another office's key. */
  settings: ['admin'],
  issue: ['admin', 'operator', 'pimpinan'],
  void: ['admin', 'pimpinan'],
} as const satisfies Record<string, readonly Role[]>;

export const AWARD_DUTIES = {
  view: OFFICE_ROLES,
  /** Programmes, the catalogue and planning awards. */
  plan: ['admin', 'operator'],
  approve: ['admin', 'pimpinan'],
  handOver: ['admin', 'operator'],
  cancel: ['admin', 'operator', 'pimpinan'],
  correct: ['admin', 'pimpinan'],
} as const satisfies Record<string, readonly Role[]>;

export const REPORT_DUTIES = {
  view: OFFICE_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export const EXPORT_DUTIES = {
  run: OFFICE_ROLES,
  templates: ['admin', 'operator'],
  log: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export const BACKUP_DUTIES = {
  view: OFFICE_ROLES,
  backUpNow: ['admin', 'operator'],
  /** The backup folder and restoring a backup. */
  manage: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** P2K2: groups, the year's plan and meetings with their attendance; the curriculum is the office's. */
export const P2K2_DUTIES = {
  view: OFFICE_ROLES,
  /** Groups and their families, the year's plan, recording and correcting meetings. */
  record: ['admin', 'operator'],
  /** Rename, add and switch off modules and topics. */
  curriculum: ['admin'],
  /** Groups and meetings, seen by a pendamping account for its own groups only; the curriculum's list. */
  viewOwn: WITH_PENDAMPING,
  /** Record and correct a meeting: a pendamping account for its own groups only. */
  recordOwn: ['admin', 'operator', 'pendamping'],
} as const satisfies Record<string, readonly Role[]>;

/** The pendamping's monthly work plan (rencana kerja bulanan). */
export const WORK_PLAN_DUTIES = {
  /** A plan, its outcomes and "planned against done": a pendamping account its own only (scoped in the services). */
  view: WITH_PENDAMPING,
  /** Draft, complete, submit a plan and mark its activities done or not: the pendamping or the office's operators. */
  edit: ['admin', 'operator', 'pendamping'],
  /** Reopen a submitted plan, with a reason. */
  reopen: ['admin', 'operator'],
  /** The month's list of who submitted, who is late, who has nothing. */
  monitor: OFFICE_ROLES,
  /** The deadline day. */
  settings: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Verifikasi komitmen: a pendamping sees and records its own families' commitments (the services scope by
 * ownPendampingId); the school forms are imported by the office.
 */
export const VERKOM_DUTIES = {
  view: [...OFFICE_ROLES, 'pendamping'],
  record: ['admin', 'operator', 'pendamping'],
  import: ['admin', 'operator'],
  settings: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Every table by domain: a method's duty is `<domain>.<duty>`. */
export const DUTIES = {
  accounts: ACCOUNT_DUTIES,
  settings: SETTINGS_DUTIES,
  regions: REGION_DUTIES,
  families: FAMILY_DUTIES,
  pendamping: PENDAMPING_DUTIES,
  imports: IMPORT_DUTIES,
  candidates: CANDIDATE_DUTIES,
  graduation: GRADUATION_DUTIES,
  progress: PROGRESS_DUTIES,
  visits: VISIT_DUTIES,
  documents: DOCUMENT_DUTIES,
  awards: AWARD_DUTIES,
  reports: REPORT_DUTIES,
  exports: EXPORT_DUTIES,
  backup: BACKUP_DUTIES,
  p2k2: P2K2_DUTIES,
  complaints: COMPLAINT_DUTIES,
  evaluation: EVALUATION_DUTIES,
  workPlans: WORK_PLAN_DUTIES,
  verkom: VERKOM_DUTIES,
  business: BUSINESS_DUTIES,
} as const;

type Tables = typeof DUTIES;
export type DutyName = { [D in keyof Tables]: `${D}.${keyof Tables[D] & string}` }[keyof Tables];

/** The roles of one duty, e.g. `rolesOf('awards.plan')`: the table's own entry, not a copy. */
export function rolesOf(duty: DutyName): readonly Role[] {
  const [domain, name] = duty.split('.') as [keyof Tables, string];
  return (DUTIES[domain] as Record<string, readonly Role[]>)[name];
}

/** The duties a role description names, each with the table it is read from. */
const DESCRIBED: { roles: readonly Role[]; text: string }[] = [
  { roles: GRADUATION_DUTIES.verify, text: 'memverifikasi calon graduasi' },
  { roles: GRADUATION_DUTIES.propose, text: 'menyusun dan mengajukan usulan graduasi' },
  {
    roles: GRADUATION_DUTIES.decide,
    text: 'menetapkan dan membatalkan keputusan graduasi (bukan usulan yang disusunnya atau keluarga yang diverifikasinya)',
  },
  { roles: DOCUMENT_DUTIES.issue, text: 'menerbitkan dan mencetak surat' },
  { roles: DOCUMENT_DUTIES.void, text: 'membatalkan surat' },
  { roles: AWARD_DUTIES.plan, text: 'merencanakan bantuan usaha' },
  { roles: AWARD_DUTIES.approve, text: 'menyetujui bantuan usaha (bukan yang direncanakannya)' },
];

/** "Menetapkan ...; membatalkan surat; ..." for one role, from the tables above; empty when it has none. */
export function roleDutiesText(role: Role): string {
  // A role holding every duty (the administrator) reads better as "all of them", with the limits that remain.
  if (DESCRIBED.every((d) => d.roles.includes(role))) {
    return (
      'Dapat menjalankan semua tugas graduasi, surat dan bantuan usaha (menetapkan dan membatalkan keputusan, ' +
      'membatalkan surat, menyetujui bantuan), kecuali menetapkan usulan yang disusunnya atau keluarga yang ' +
      'diverifikasinya dan menyetujui bantuan yang direncanakannya.'
    );
  }
  const duties = DESCRIBED.filter((d) => d.roles.includes(role)).map((d) => d.text);
  if (duties.length === 0) return '';
  const text = duties.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
