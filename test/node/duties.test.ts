/**
 * Who may do what is written once, in the domain's tables of duties (main/domain/duties.ts): the contract's
 * roles, the services' checks and the renderer's actions read them, and the README's tables say the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../main/api/contract';
import { DUTIES, type DutyName, rolesOf } from '../../main/domain/duties';
import { ROLES, type Role } from '../../main/domain/enums';

const ROOT = join(__dirname, '../..');

const everyDuty = (): DutyName[] =>
  Object.entries(DUTIES).flatMap(([domain, table]) =>
    Object.keys(table).map((name) => `${domain}.${name}` as DutyName),
  );

describe('the tables of duties', () => {
  it('give every logged-in method its roles: the contract names a duty and holds that entry of its table', () => {
    const names = Object.keys(contract) as MethodName[];
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const spec = contract[name];
      if (spec.public) {
        expect({ name, duty: spec.duty, roles: spec.roles }).toEqual({ name, duty: null, roles: [] });
        continue;
      }
      expect(spec.duty, name).not.toBeNull();
      const [domain, duty] = String(spec.duty).split('.');
      const entry = (DUTIES as unknown as Record<string, Record<string, readonly Role[]>>)[domain]?.[duty];
      expect(entry, `${name}: ${spec.duty}`).toBeDefined();
      // The very entry, not a copy that could drift from it.
      expect(spec.roles, name).toBe(entry);
      expect(spec.roles, name).toBe(rolesOf(spec.duty as DutyName));
    }
  });

  it('hold only known roles, and every duty is needed by some method or screen', () => {
    for (const duty of everyDuty()) {
      expect(rolesOf(duty).length, duty).toBeGreaterThan(0);
      for (const role of rolesOf(duty)) expect(ROLES, duty).toContain(role);
    }
    const used = new Set(Object.values(contract).map((spec) => spec.duty));
    expect(everyDuty().filter((duty) => !used.has(duty))).toEqual([]);
  });

  it('are not restated: no list of roles is written outside main/domain', () => {
    // The administrator always sees full NIKs (a settings rule, not a duty).
    const allowed = new Set(['main/services/security-settings.ts']);
    const literal = /\[\s*'(admin|operator|verifikator|pimpinan)'\s*[,\]]/;
    const offenders = [...sourceFiles('main'), ...sourceFiles('renderer')].filter(
      (file) => !file.startsWith('main/domain/') && !allowed.has(file) && literal.test(read(file)),
    );
    expect(offenders).toEqual([]);
  });
});

/**
 * The README's tables of who may do what, each row with the duties it describes. A row the README gains or
 * loses, a duty no row names, or a tick that differs from the table fails.
 */
const README_ROWS: Record<string, DutyName[]> = {
  'view families, pendamping, candidates, proposals, decisions': [
    'families.view',
    'pendamping.view',
    'candidates.view',
    'graduation.view',
  ],
  "view the office's kecamatan and desa names": ['regions.view'],
  "view one's own families (list, search, family page) and their candidates (a pendamping: its own only)": [
    'families.viewOwn',
    'candidates.viewOwn',
  ],
  'propose one family as a mandiri candidate (a pendamping: its own families only)': ['candidates.addOne'],
  'view progress, targets and reports': ['progress.view', 'reports.view'],
  "view follow-up visits (a pendamping: its own families' only)": ['visits.view'],
  'add and edit families (KPM); record an exit (keluar) with its type': ['families.edit', 'candidates.exit'],
  'import spreadsheets, undo an import': ['imports.run'],
  'add and edit pendamping, move families between them': ['pendamping.edit'],
  'manage users (create, deactivate, reset password)': ['accounts.manageUsers'],
  'view the office profile, benefit amounts and security settings': ['settings.view'],
  'office profile, benefit amounts, security settings (session length, who sees a full NIK)': ['settings.edit'],
  "change one's own password": ['accounts.ownPassword'],
  'exit types (add, switch off)': ['candidates.exitTypes'],
  'add graduation candidates (one by one, list import, alamiah scan), withdraw them (one or several)': [
    'candidates.edit',
  ],
  'edit assessment criteria and the threshold': ['graduation.criteria'],
  'record a verification (assessment)': ['graduation.verify'],
  'record the signed statement (surat pernyataan)': ['graduation.statement'],
  'create a proposal, add/remove candidates, submit it': ['graduation.propose'],
  'decide a proposal (penetapan)': ['graduation.decide'],
  'reverse a decision': ['graduation.decide'],
  'graduation targets and settings (visit intervals, default target)': ['progress.targets'],
  "record follow-up visits (a pendamping: its own families' only)": ['visits.record'],
  'export with a template': ['exports.run'],
  'save and delete export templates': ['exports.templates'],
  'read the export log': ['exports.log'],
  'see the backup status and the list of backups': ['backup.view'],
  'back up now': ['backup.backUpNow'],
  'choose the backup folder, restore a backup': ['backup.manage'],
  "document settings, templates, signatories, import another office's key, download the verification page": [
    'documents.settings',
  ],
  'issue and print documents, wisuda batch, reprint': ['documents.issue'],
  'void a document': ['documents.void'],
  'view the register, verify a code': ['documents.view'],
  'view programmes, catalogue, awards': ['awards.view'],
  'create and edit programmes and the catalogue; plan awards': ['awards.plan'],
  'approve awards': ['awards.approve'],
  'hand over awards (BAST)': ['awards.handOver'],
  'print the recipients list of a handover day': ['documents.issue'],
  'cancel an award before handover': ['awards.cancel'],
  'correct an award after handover': ['awards.correct'],
  'view P2K2 plans, reports and families without a group': ['p2k2.view'],
  "view P2K2 groups, their year's plan, meetings and the curriculum (a pendamping: its own groups only)": [
    'p2k2.viewOwn',
  ],
  'record and correct P2K2 meetings (a pendamping: its own groups only)': ['p2k2.recordOwn'],
  'P2K2: make and change groups, plan the year, read attendance sheets, record warnings': ['p2k2.record'],
  'P2K2: rename, add and switch off modules and topics': ['p2k2.curriculum'],
  "view complaints (a pendamping: its own families')": ['complaints.view'],
  'record and update complaints': ['complaints.record'],
  'view monthly reports and the evaluation (a pendamping: its own)': ['evaluation.view'],
  'write the notes of a monthly report (a pendamping: its own)': ['evaluation.notes'],
  "record a pendamping's evaluation": ['evaluation.evaluate'],
  'evaluation indicators, weights and complaint categories': ['evaluation.settings'],
  'view a monthly work plan and its planned-against-done figures (a pendamping: its own only)': ['workPlans.view'],
  'draft, complete and submit a work plan; mark its activities done or not done (a pendamping: its own only)': [
    'workPlans.edit',
  ],
  'reopen a submitted work plan, with a reason': ['workPlans.reopen'],
  "see who has submitted the month's work plans": ['workPlans.monitor'],
  'the work plan deadline day': ['workPlans.settings'],
  "view verifikasi komitmen: the quarter's non-compliant families, a family's record": ['verkom.view'],
  'record health commitments (by hand or from a sheet)': ['verkom.record'],
  'import a school attendance form': ['verkom.import'],
  'set the attendance threshold': ['verkom.settings'],
  "view a graduate's business, its timeline, the business report and the BLK/PENA lists (own families only for a pendamping)":
    ['business.view'],
  "record a graduate's business, its entries, training, online selling and PENA (own families only for a pendamping)": [
    'business.record',
  ],
  'view KUBE groups': ['business.kubeView'],
  'form KUBE groups, change their members, record their assets': ['business.kube'],
  'set the UMK': ['business.settings'],
};

describe("the README's tables of who may do what", () => {
  const rows = readmeRows(read('README.md'));

  it('tick the roles of the duties each row describes', () => {
    expect(rows.map((row) => row.action).sort()).toEqual(Object.keys(README_ROWS).sort());
    for (const { action, roles } of rows) {
      for (const duty of README_ROWS[action] ?? []) expect(roles, `${action} (${duty})`).toEqual(sorted(rolesOf(duty)));
    }
  });

  it('name every duty', () => {
    const named = new Set(Object.values(README_ROWS).flat());
    expect(everyDuty().filter((duty) => !named.has(duty))).toEqual([]);
  });
});

/** Rows of every `| action | admin | operator | verifikator | pimpinan |` table: the action and its ticked roles. */
function readmeRows(text: string): { action: string; roles: Role[] }[] {
  const rows: { action: string; roles: Role[] }[] = [];
  let columns: string[] | null = null;
  for (const line of text.split('\n')) {
    const cells = line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
      : null;
    if (!cells) columns = null;
    else if (cells[0] === 'action') columns = cells;
    else if (columns && !/^:?-+:?$/.test(cells[0])) {
      const header = columns;
      const roles = cells.flatMap((cell, i) => (i > 0 && cell.includes('✓') ? [header[i] as Role] : []));
      rows.push({ action: cells[0], roles: sorted(roles) });
    }
  }
  return rows;
}

const sorted = (roles: readonly Role[]) => [...roles].sort();
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `${dir}/${file.replaceAll('\\', '/')}`);
}
