/**
 * Who may do what, one table per domain (the README's tables of who may do what are checked against these).
 * The contract names each method's duty (`duty: 'awards.plan'`) and the dispatcher refuses by it; the services
 * check the same entries, and the renderer shows an action only to the roles of its entry. Graduation's own
 * table, GRADUATION_DUTIES, lives beside its schemas (decision.ts) and is listed in DUTIES below.
 */
import { BUSINESS_DUTIES } from './business';
import { GRADUATION_DUTIES } from './decision';
import { OFFICE_ROLES, ROLES, type Role } from './enums';

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
  view: OFFICE_ROLES,
} as const satisfies Record<string, readonly Role[]>;

/** The registry of families (KPM). */
export const FAMILY_DUTIES = {
  view: OFFICE_ROLES,
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
  exitTypes: ['admin'],
  exit: ['admin', 'operator'],
  /** Add candidates (one by one, list import, alamiah scan) and withdraw them. */
  edit: ['admin', 'operator'],
} as const satisfies Record<string, readonly Role[]>;

/** The graduation dashboard, targets and the graduation settings. */
export const PROGRESS_DUTIES = {
  view: OFFICE_ROLES,
  targets: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Follow-up visits after graduation. */
export const VISIT_DUTIES = {
  view: OFFICE_ROLES,
  record: ['admin', 'operator', 'verifikator'],
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
