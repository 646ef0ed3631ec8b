/**
 * Planning pass 3, one family at a time: its member NIKs and pendamping checked against the registry, then
 * added as a new family, or (matched) compared with the registered family and updated, skipped or left
 * unchanged as the user chose.
 */

import { tooManyMembers } from '../../domain/field-checks';
import { MAX_MEMBERS } from '../../domain/fields';
import {
  ALLOWED_CHOICES,
  type DuplicateKind,
  type Effective,
  NONE,
  type PlanContext,
  type PlanNotes,
  type PlannedFamily,
  type UnknownPendamping,
} from './plan-base';
import { NisnChecks } from './plan-nisn';
import { EXISTING_INDEX, type ExistingRow, type Match, type Registry, type ValueNames } from './plan-registry';
import { memberWrite, mergeIntoExisting, newFamilyValues, registryDifferences } from './plan-values';
import type { FamilyRecord } from './types';
import { yieldNow } from './yield';

type PendampingRef = { id: number | null | undefined; newKey: string | null };

export class FamilyPlanner {
  /** Unknown pendamping names, with the families that name them. */
  readonly unknown = new Map<string, UnknownPendamping>();
  private readonly createSet: Set<string>;
  /** Registered families already taken by a row of the file. */
  private readonly targetClaimed = new Map<number, PlannedFamily>();
  private readonly fileMemberNik = new Map<string, number>();
  private readonly nisns: NisnChecks;

  constructor(
    private readonly ctx: PlanContext,
    private readonly registry: Registry,
    private readonly notes: PlanNotes,
    /** The family of each pengurus NIK in the file (pass 1). */
    private readonly fileByNik: Map<string, PlannedFamily>,
    private readonly names: ValueNames,
  ) {
    this.createSet = new Set(ctx.choices.createPendamping);
    this.nisns = new NisnChecks(registry, notes);
  }

  async run(effective: Map<PlannedFamily, Effective>, matched: Map<PlannedFamily, Match>): Promise<void> {
    let done = 0;
    const total = effective.size;
    for (const [item, e] of effective) {
      if (++done % 5000 === 0) {
        await this.ctx.onProgress?.(done, total);
        if (!this.ctx.synchronous) await yieldNow();
      }
      if (item.action === 'error') continue;
      const match = matched.get(item);
      if (this.memberErrors(item.family, e, match)) {
        item.action = 'error';
        continue;
      }
      const pendamping = this.resolvePendamping(item, e.pendamping);
      if (this.inactivePendamping(item, pendamping, match)) {
        item.action = 'error';
        continue;
      }
      if (match && this.planMatched(item, e, match, pendamping)) continue;
      this.planNew(item, e, pendamping);
    }
  }

  /** Member NIKs: once in the file, and not registered with another family; the pengurus not a member elsewhere. */
  private memberErrors(f: FamilyRecord, e: Effective, match: Match | undefined): boolean {
    const { registry, notes } = this;
    let error = false;
    if (e.members.length > MAX_MEMBERS) {
      notes.problem(
        f,
        'artNama',
        String(e.members.length),
        'MEMBERS_TOO_MANY',
        'error',
        tooManyMembers(e.members.length),
        `paling banyak ${MAX_MEMBERS} anggota`,
      );
      error = true;
    }
    for (const m of e.members) {
      if (!m.nik) continue;
      const other = this.fileMemberNik.get(m.nik) ?? this.fileByNik.get(m.nik)?.family.row;
      if (other !== undefined && other !== f.row) {
        notes.problem(
          f,
          'artNik',
          m.nik,
          'MEMBER_NIK_DUPLICATE',
          'error',
          `NIK anggota ${m.nik} (${m.nama}) juga ada di baris ${other}.`,
          'setiap NIK satu kali',
        );
        error = true;
      }
      this.fileMemberNik.set(m.nik, f.row);
      const asPengurus = registry.byNik.get(m.nik);
      const asMember = registry.artByNik.get(m.nik);
      const elsewhere =
        (asPengurus !== undefined && asPengurus !== match?.id) || (asMember !== undefined && asMember !== match?.id);
      if (elsewhere) {
        notes.problem(
          f,
          'artNik',
          m.nik,
          'MEMBER_NIK_EXISTS',
          'error',
          `NIK anggota ${m.nik} (${m.nama}) sudah terdaftar pada keluarga lain.`,
          'NIK yang belum terdaftar di keluarga lain',
        );
        error = true;
      }
    }
    const nik = e.values.nik;
    const asMember = nik ? registry.artByNik.get(nik) : undefined;
    if (nik && asMember !== undefined && asMember !== match?.id) {
      notes.problem(
        f,
        'nik',
        nik,
        'NIK_IS_MEMBER',
        'error',
        `NIK ${nik} sudah terdaftar sebagai anggota keluarga lain.`,
        'NIK yang belum terdaftar di keluarga lain',
      );
      error = true;
    }
    return this.nisns.members(f, e, match) || error;
  }

  /**
   * As in the form: a family may keep a pendamping who has left until it is moved, but no family is given
   * one. Refused when the family is new or the file names an inactive pendamping it does not have yet.
   */
  private inactivePendamping(item: PlannedFamily, pendamping: PendampingRef, match: Match | undefined): boolean {
    const chosen = pendamping.id ? this.registry.pendampingById.get(pendamping.id) : undefined;
    if (!chosen || chosen.active) return false;
    const current = match ? this.registry.existingById.get(match.id)?.[EXISTING_INDEX.pendampingId] : undefined;
    if (current === chosen.id) return false;
    this.notes.problem(
      item.family,
      'pendamping',
      chosen.name,
      'PENDAMPING_INACTIVE',
      'error',
      `Pendamping ${chosen.name} sudah tidak aktif.`,
      'pendamping yang aktif',
    );
    return true;
  }

  /** The registered pendamping named, one to create, or none (with a warning saying why). */
  private resolvePendamping(item: PlannedFamily, p: FamilyRecord['pendamping']): PendampingRef {
    if (!p) return { id: undefined, newKey: null };
    const found = this.registry.pendampingByKey.get(p.key) ?? [];
    const warn = (code: string, message: string, expected: string) =>
      this.notes.problem(item.family, 'pendamping', p.name, code, 'warning', message, expected);
    if (found.length === 1) return { id: found[0].id, newKey: null };
    if (found.length > 1) {
      warn(
        'PENDAMPING_AMBIGUOUS',
        `nama pendamping ${p.name} cocok dengan ${found.length} pendamping; pendamping tidak diisi.`,
        'nama pendamping yang unik',
      );
      return { id: undefined, newKey: null };
    }
    const entry = this.unknown.get(p.key) ?? {
      key: p.key,
      name: p.name,
      families: 0,
      rows: [],
      create: this.createSet.has(p.key),
    };
    entry.families++;
    if (entry.rows.length < 20) entry.rows.push(item.family.row);
    this.unknown.set(p.key, entry);
    if (entry.create) return { id: null, newKey: p.key };
    warn(
      'PENDAMPING_UNKNOWN',
      `pendamping ${p.name} tidak ada di daftar pendamping; keluarga disimpan tanpa pendamping (atau pilih "buat pendamping baru").`,
      'nama pendamping yang terdaftar',
    );
    return { id: undefined, newKey: null };
  }

  /**
   * A family matched to a registered one: unchanged, updated or skipped; false when it is to be added after
   * all (the user chose "add" beside a family registered under the same No. KK).
   */
  private planMatched(item: PlannedFamily, e: Effective, match: Match, pendamping: PendampingRef): boolean {
    const f = item.family;
    const v = e.values;
    const existing = this.registry.existingById.get(match.id) as ExistingRow;
    const claimed = this.targetClaimed.get(match.id);
    const byKk = match.via === 'No. KK';
    const field = match.via === 'NIK' ? 'nik' : match.via === 'ID KPM' ? 'idKpm' : 'noKk';
    const value = (match.via === 'NIK' ? v.nik : match.via === 'ID KPM' ? v.idKpm : v.noKk) ?? '';
    // "add" beside a family registered under the same No. KK claims nothing: another row's claim is moot.
    const addsBeside = claimed !== undefined && byKk && this.notes.choose(f, 'db_kk') === 'add';
    if (claimed && !addsBeside) {
      item.action = 'error';
      this.notes.problem(
        f,
        field,
        value,
        'DB_MATCH_TWICE',
        'error',
        `baris ini dan baris ${claimed.family.row} sama-sama cocok dengan KPM ${familyName(existing)}.`,
        'satu baris per keluarga terdaftar',
      );
      return true;
    }
    const members = this.registry.membersByKpm.get(match.id) ?? [];
    const merged = mergeIntoExisting(existing, v, e.members, members, pendamping);
    if (this.nisns.heldInFamily(f, merged.members, members)) {
      item.action = 'error';
      return true;
    }
    if (merged.changes.length === 0 && !addsBeside) {
      item.action = 'unchanged';
      item.targetId = match.id;
      this.targetClaimed.set(match.id, item);
      return true;
    }
    const kind: DuplicateKind = byKk ? 'db_kk' : merged.fillsOnly ? 'db_fill' : 'db';
    if (match.via === 'NIK') this.otherIdKpm(f, existing, v.idKpm);
    const choice = this.notes.choose(f, kind);
    this.notes.duplicates.push({
      row: f.row,
      kind,
      key: match.via,
      value,
      otherRows: [],
      existing: {
        id: match.id,
        nama: existing[EXISTING_INDEX.nama] as string,
        idKpm: existing[EXISTING_INDEX.idKpm] as string | null,
        nik: existing[EXISTING_INDEX.nik] as string,
      },
      changes: merged.changes,
      differences: registryDifferences(
        existing,
        merged,
        members,
        pendamping.newKey ? (e.pendamping?.name ?? null) : null,
        this.names,
      ),
      allowed: ALLOWED_CHOICES[kind],
      choice,
    });
    if (choice === 'skip') {
      Object.assign(item, {
        action: 'skip',
        targetId: match.id,
        note: `cocok dengan KPM terdaftar (${match.via}); dipilih lewati`,
      });
      return true;
    }
    if (choice !== 'update') return false;
    Object.assign(item, {
      action: 'update',
      targetId: match.id,
      values: merged.values,
      members: merged.members,
      changes: merged.changes,
      changedKeys: merged.changedKeys,
      pendampingNew: pendamping.newKey,
    } satisfies Partial<PlannedFamily>);
    this.targetClaimed.set(match.id, item);
    return true;
  }

  /**
   * The family found by NIK has another ID KPM than the file: said in the problems, and the registered one
   * stays unless the user chooses to update this family.
   */
  private otherIdKpm(f: FamilyRecord, existing: ExistingRow, idKpm: string | undefined): void {
    const registered = existing[EXISTING_INDEX.idKpm] as string | null;
    if (!idKpm || registered === null || registered === idKpm) return;
    this.notes.problem(
      f,
      'idKpm',
      idKpm,
      'DB_IDKPM_DIFFERS',
      'warning',
      `ID KPM ${idKpm} berbeda dengan ID KPM ${registered} yang terdaftar untuk NIK ${existing[EXISTING_INDEX.nik]} (${existing[EXISTING_INDEX.nama]}); ` +
        'ID KPM terdaftar tetap, kecuali keluarga ini dipilih "Perbarui".',
      'ID KPM yang sama dengan yang terdaftar',
    );
  }

  private planNew(item: PlannedFamily, e: Effective, pendamping: PendampingRef): void {
    const f = item.family;
    if (this.nisns.registeredForNew(f, e.members)) {
      item.action = 'error';
      return;
    }
    const values = newFamilyValues(f, e.values, e.members, pendamping.id ?? null, this.ctx.today);
    if (!values.ok) {
      item.action = 'error';
      this.notes.problem(f, values.field, '', values.code, 'error', values.message, values.expected);
      return;
    }
    item.action = 'add';
    item.values = values.value;
    item.members = e.members.length > 0 ? e.members.map(memberWrite) : NONE;
    item.pendampingNew = pendamping.newKey;
  }
}

/** "SITI AMINAH (ID KPM P123)", or "SITI AMINAH (tanpa ID KPM)". */
function familyName(existing: ExistingRow): string {
  const idKpm = existing[EXISTING_INDEX.idKpm] as string | null;
  return `${existing[EXISTING_INDEX.nama]} (${idKpm ? `ID KPM ${idKpm}` : 'tanpa ID KPM'})`;
}
