/**
 * Stage 4, family grouping: the checked rows (rows.ts) collected into families, by layout. Rows of one family
 * that disagree on a family value keep the family out of the import.
 */
import { FAMILY_FIELDS, PENGURUS_FIELDS } from '../../domain/fields';
import type { RowChecker, RowResult } from './rows';
import type { FamilyRecord, FamilyValues, MemberRecord } from './types';

/** Shared by every family without member rows (most files): never pushed to, only replaced. */
const NO_MEMBERS: readonly MemberRecord[] = Object.freeze([]) as readonly MemberRecord[];

/** Layout keluarga_anggota repeats the pengurus on every row of the family: all of it must agree. */
const PENGURUS_ROW_FIELDS: readonly (keyof FamilyValues)[] = [...FAMILY_FIELDS, ...PENGURUS_FIELDS];

/** Layout anggota: fields of the family that member rows may carry too (phone and notes can be the person's own). */
const PERSON_ROW_OWN: ReadonlySet<keyof FamilyValues> = new Set(['phone', 'notes']);

function familyFromRow(r: RowResult): FamilyRecord {
  return {
    row: r.row,
    rows: [r.row],
    values: r.family,
    pendamping: r.pendamping,
    members: r.member ? [r.member] : NO_MEMBERS,
    error: r.error,
    districtOnly: r.districtOnly,
  };
}

/**
 * Collects checked rows into families. Layout keluarga: one row is one family. Layout keluarga_anggota:
 * rows with the same pengurus (NIK, else ID KPM, else No. KK) are one family, each adding its member.
 * Layout anggota: rows are people grouped by No. KK; the row marked PENGURUS (else the only ISTRI) is the
 * pengurus and the others are members.
 */
export class FamilyCollector {
  readonly families: FamilyRecord[] = [];
  private readonly groups = new Map<string, { family: FamilyRecord; people: RowResult[] }>();
  private readonly order: { family: FamilyRecord; people: RowResult[] }[] = [];

  /** Row that gave a family value taken from a later row (absent: the family's own row). */
  private readonly sourceRow = new Map<FamilyRecord, Partial<Record<string, number>>>();

  constructor(private readonly checker: RowChecker) {}

  /**
   * Lays another row of the family over it: blank values are filled in, a different value is an error
   * (FAMILY_ROWS_CONFLICT) that keeps the family out of the import, rather than silently keeping the first.
   */
  private mergeRow(
    family: FamilyRecord,
    r: RowResult,
    fields: readonly (keyof FamilyValues)[],
    fillOnly: ReadonlySet<keyof FamilyValues> = new Set(),
  ) {
    const values = family.values as Record<string, unknown>;
    let sources = this.sourceRow.get(family);
    const fromRow = (field: string) => {
      if (!sources) {
        sources = {};
        this.sourceRow.set(family, sources);
      }
      sources[field] = r.row;
    };
    let conflict = false;
    for (const field of fields) {
      const next = r.family[field];
      if (next === undefined) continue;
      const current = values[field];
      if (current === undefined) {
        values[field] = next;
        fromRow(field);
        continue;
      }
      if (current === next || fillOnly.has(field)) continue;
      // The kecamatan follows from the desa: one problem for the desa is enough.
      if (field === 'districtCode' && r.family.villageCode !== values.villageCode) continue;
      this.checker.familyConflict(r.row, sources?.[field] ?? family.row, field, String(next), String(current));
      conflict = true;
    }
    if (r.pendamping) {
      if (!family.pendamping) {
        family.pendamping = r.pendamping;
        fromRow('pendamping');
      } else if (family.pendamping.key !== r.pendamping.key) {
        this.checker.familyConflict(
          r.row,
          sources?.pendamping ?? family.row,
          'pendamping',
          r.pendamping.name,
          family.pendamping.name,
        );
        conflict = true;
      }
    }
    if (conflict) family.error = true;
  }

  add(r: RowResult): void {
    const layout = this.checker.layout;
    if (layout === 'keluarga') {
      this.families.push(familyFromRow(r));
      return;
    }
    if (layout === 'keluarga_anggota') {
      const v = r.family;
      const key = v.nik ? `n${v.nik}` : v.idKpm ? `i${v.idKpm}` : v.noKk ? `k${v.noKk}` : null;
      const group = key ? this.groups.get(key) : undefined;
      if (!group) {
        const family = familyFromRow(r);
        const entry = { family, people: [r] };
        if (key) this.groups.set(key, entry);
        this.families.push(family);
        return;
      }
      const family = group.family;
      family.rows.push(r.row);
      family.error ||= r.error;
      if (r.member) family.members = [...family.members, r.member];
      this.mergeRow(family, r, PENGURUS_ROW_FIELDS);
      return;
    }
    // anggota: group people by No. KK; families are built in finish().
    const key = r.family.noKk ? `k${r.family.noKk}` : null;
    if (!key) {
      if (!r.error) {
        this.checker.problem(
          r.row,
          'noKk',
          null,
          {
            code: 'KK_MISSING',
            message: 'No. KK kosong; pada berkas per anggota, baris dikelompokkan menjadi keluarga menurut No. KK.',
            expected: 'No. KK 16 digit',
          },
          'error',
        );
      }
      const family = familyFromRow(r);
      family.error = true;
      this.order.push({ family, people: [] });
      return;
    }
    let group = this.groups.get(key);
    if (!group) {
      group = { family: { row: r.row, rows: [], values: {}, members: [], error: false }, people: [] };
      this.groups.set(key, group);
      this.order.push(group);
    }
    group.family.rows.push(r.row);
    group.family.error ||= r.error;
    group.people.push(r);
  }

  /** Finishes grouping (layout anggota) and returns the families in file order. */
  finish(): FamilyRecord[] {
    const families = this.group();
    const badDates = this.checker.finishDates();
    if (badDates.size > 0) {
      for (const family of families) if (family.rows.some((row) => badDates.has(row))) family.error = true;
    }
    return families;
  }

  private group(): FamilyRecord[] {
    if (this.checker.layout !== 'anggota') return this.families;
    for (const { family, people } of this.order) {
      if (people.length === 0) {
        this.families.push(family);
        continue;
      }
      let pengurus = people.filter((p) => p.hubungan === 'pengurus');
      let assumed = false;
      if (pengurus.length === 0) {
        const istri = people.filter((p) => p.hubungan === 'istri');
        if (istri.length === 1) {
          pengurus = istri;
          assumed = true;
        }
      }
      if (pengurus.length !== 1) {
        const first = people[0];
        this.checker.problem(
          first.row,
          'hubungan',
          null,
          {
            code: pengurus.length === 0 ? 'PENGURUS_MISSING' : 'PENGURUS_MULTIPLE',
            message:
              pengurus.length === 0
                ? `keluarga No. KK ${first.family.noKk} (baris ${people.map((p) => p.row).join(', ')}) tidak punya baris PENGURUS.`
                : `keluarga No. KK ${first.family.noKk} punya ${pengurus.length} baris PENGURUS (baris ${pengurus.map((p) => p.row).join(', ')}).`,
            expected: 'tepat satu baris dengan hubungan PENGURUS per No. KK',
          },
          'error',
        );
        family.error = true;
        family.values = { ...first.family };
        this.families.push(family);
        continue;
      }
      const head = pengurus[0];
      if (assumed) {
        this.checker.problem(
          head.row,
          'hubungan',
          null,
          {
            code: 'PENGURUS_ASSUMED',
            message: `tidak ada baris PENGURUS untuk No. KK ${head.family.noKk}; ${head.family.nama ?? 'ISTRI'} (ISTRI) dianggap pengurus.`,
            expected: 'satu baris dengan hubungan PENGURUS',
          },
          'warning',
        );
      }
      family.row = head.row;
      family.values = { ...head.family };
      family.pendamping = head.pendamping;
      family.districtOnly = head.districtOnly;
      for (const p of people) {
        if (p === head) continue;
        this.mergeRow(family, p, FAMILY_FIELDS, PERSON_ROW_OWN);
        if (p.error) continue;
        const member = this.checker.personAsMember(p);
        if (member) family.members = [...family.members, member];
        else family.error = true;
      }
      // The person fields of members must not leak into the family.
      family.rows.sort((a, b) => a - b);
      this.families.push(family);
    }
    this.families.sort((a, b) => a.row - b.row);
    return this.families;
  }
}
