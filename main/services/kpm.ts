import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type Db, inTransaction } from '../../db/open';
import { type Art, art, benefitAmounts, exitTypes, type Kpm, kpm, pendamping, regions } from '../../db/schema';
import { FAMILY_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import { KPM_FIELDS, type KpmField } from '../domain/fields';
import { todayIso } from '../domain/format';
import { nikMismatchWarnings, parseNik } from '../domain/identity';
import {
  DEFAULT_YEARLY_BENEFIT,
  type FamilyBenefit,
  familyBenefit,
  type Komponen,
  komponenMask,
} from '../domain/komponen';
import { komponenAgeWarnings } from '../domain/komponen-rules';
import { lowerFirst } from '../domain/normalize';
import type { KpmInput, MemberInput } from '../domain/schemas';
import { type Actor, requireDuty } from './actor';
import { type HistoryNames, historyNames, historyOf, writeAudit } from './audit';
import { restoreMaskedNiks } from './privacy/kept-niks';
import { getOffice } from './setup';

export interface FieldWarning {
  field: string;
  message: string;
}

export type SaveResult =
  | { status: 'saved'; id: number; warnings: FieldWarning[] }
  | { status: 'needs_confirmation'; warnings: FieldWarning[] };

export interface KpmDetail {
  kpm: Kpm;
  members: Art[];
  districtName: string;
  villageName: string;
  pendampingName: string | null;
  /** The exit type when the family left (exit_types). */
  exitTypeName: string | null;
  benefit: FamilyBenefit;
  history: ReturnType<typeof historyOf>;
  /** Names of the kecamatan, desa and pendamping the history mentions. */
  historyNames: HistoryNames;
}

/** Writes outside a service must also go through this: the refusal names who may, from the table. */
function requireWriter(actor: Actor) {
  requireDuty(actor, FAMILY_DUTIES.edit, 'mengubah data KPM');
}

export function getBenefitAmounts(db: Db): Record<Komponen, number> {
  const amounts = { ...DEFAULT_YEARLY_BENEFIT };
  for (const row of db.select().from(benefitAmounts).all()) amounts[row.komponen] = row.yearly;
  return amounts;
}

/** Refuses a NIK or ID KPM that another family already uses, naming that family. */
function assertNoDuplicates(db: Db, input: KpmInput, ownId: number | null) {
  const fields: Record<string, string> = {};
  let link: { kind: 'kpm'; id: number; label: string } | undefined;
  const familyLabel = (family: Pick<Kpm, 'id' | 'nama' | 'idKpm'>) => {
    const label = family.idKpm ? `${family.nama} (ID KPM ${family.idKpm})` : family.nama;
    link ??= { kind: 'kpm', id: family.id, label };
    return label;
  };
  const notOwn = (column: SQLiteColumn) => (ownId === null ? undefined : ne(column, ownId));

  // Families without an ID KPM yet (DTKS-based registrations) do not clash with each other.
  const sameIdKpm =
    input.idKpm === null
      ? undefined
      : db
          .select({ id: kpm.id, nama: kpm.nama, idKpm: kpm.idKpm })
          .from(kpm)
          .where(and(eq(kpm.idKpm, input.idKpm), notOwn(kpm.id)))
          .get();
  if (sameIdKpm) fields.idKpm = `ID KPM sudah terdaftar untuk keluarga ${familyLabel(sameIdKpm)}.`;

  const niks: { field: string; nik: string }[] = [
    { field: 'nik', nik: input.nik },
    ...input.members.flatMap((m, i) => (m.nik ? [{ field: `members.${i}.nik`, nik: m.nik }] : [])),
  ];
  const seen = new Map<string, string>();
  for (const { field, nik } of niks) {
    const earlier = seen.get(nik);
    if (earlier) {
      fields[field] = 'NIK ini dipakai dua kali dalam formulir ini.';
      continue;
    }
    seen.set(nik, field);
    const asPengurus = db
      .select({ id: kpm.id, nama: kpm.nama, idKpm: kpm.idKpm })
      .from(kpm)
      .where(and(eq(kpm.nik, nik), notOwn(kpm.id)))
      .get();
    if (asPengurus) {
      fields[field] = `NIK sudah terdaftar sebagai pengurus keluarga ${familyLabel(asPengurus)}.`;
      continue;
    }
    const asMember = db
      .select({ id: kpm.id, nama: kpm.nama, idKpm: kpm.idKpm, memberName: art.nama })
      .from(art)
      .innerJoin(kpm, eq(kpm.id, art.kpmId))
      .where(and(eq(art.nik, nik), notOwn(art.kpmId)))
      .get();
    if (asMember) {
      fields[field] = `NIK sudah terdaftar sebagai anggota (${asMember.memberName}) keluarga ${familyLabel(asMember)}.`;
    }
  }
  checkNisns(db, input.members, { notOwn, familyLabel }, fields);
  if (Object.keys(fields).length > 0) {
    throw new AppError('DUPLICATE', 'Data sudah terdaftar pada keluarga lain. Periksa kolom yang ditandai.', {
      fields,
      link,
    });
  }
}

/** Checks that the address lies in the office's regions and the pendamping is active. */
function assertReferences(db: Db, input: KpmInput, officeRegency: string, currentPendampingId: number | null) {
  const fields: Record<string, string> = {};
  const district = db.select().from(regions).where(eq(regions.code, input.districtCode)).get();
  if (district?.level !== 'district' || district.parentCode !== officeRegency) {
    fields.districtCode = 'Kecamatan tidak ada di wilayah kabupaten/kota ini.';
  }
  const village = db.select().from(regions).where(eq(regions.code, input.villageCode)).get();
  if (village?.level !== 'village' || village.parentCode !== input.districtCode) {
    fields.villageCode = 'Desa/kelurahan tidak ada di kecamatan yang dipilih.';
  }
  if (input.pendampingId !== null) {
    const p = db.select().from(pendamping).where(eq(pendamping.id, input.pendampingId)).get();
    if (!p) fields.pendampingId = 'Pendamping tidak ditemukan.';
    // A family may keep a pendamping who left until it is moved; only choosing one is refused.
    else if (!p.active && p.id !== currentPendampingId) fields.pendampingId = `Pendamping ${p.name} sudah tidak aktif.`;
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', 'Periksa kembali kolom yang ditandai.', { fields });
  }
}

/**
 * Warnings the user confirms before saving: NIK disagreeing with birth date, sex or address, and komponen
 * not fitting a member's age. (The benefit summary's notes, such as more than four komponen, are shown
 * on the form but need no confirmation.)
 */
export function kpmWarnings(input: KpmInput, officeRegency: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const today = todayIso();
  const pengurusNik = parseNik(input.nik);
  if (pengurusNik.ok) {
    const regencyCode = input.districtCode.slice(0, 4) || officeRegency;
    warnings.push(
      ...nikMismatchWarnings(pengurusNik.value, {
        birthDate: input.tanggalLahir,
        sex: input.jenisKelamin,
        regencyCode,
        districtCode: input.districtCode,
      }),
    );
  }
  input.members.forEach((m, i) => {
    const parsed = m.nik ? parseNik(m.nik) : null;
    if (parsed?.ok) {
      for (const w of nikMismatchWarnings(parsed.value, { birthDate: m.tanggalLahir, sex: m.jenisKelamin })) {
        warnings.push({ field: `members.${i}.${w.field}`, message: w.message });
      }
    }
  });
  // The same check the family form shows while it is filled in.
  warnings.push(...komponenAgeWarnings(input, today));
  return warnings;
}

function membersWithPengurus(input: { nama: string; komponen: Komponen | null; members: MemberInput[] }) {
  return [
    { name: input.nama, komponen: input.komponen },
    ...input.members.map((m) => ({ name: m.nama, komponen: m.komponen })),
  ];
}

function kpmValues(input: KpmInput) {
  const { members, acceptWarnings: _accept, ...family } = input;
  return {
    ...family,
    nama: family.nama.toUpperCase(),
    komponenMask: komponenMask([input.komponen, ...members.map((m) => m.komponen)]),
  };
}

/** A NISN names one student: twice in the form, or on another family's member, is refused by its field. */
function checkNisns(
  db: Db,
  members: MemberInput[],
  of: {
    notOwn: (column: SQLiteColumn) => SQL | undefined;
    familyLabel: (family: Pick<Kpm, 'id' | 'nama' | 'idKpm'>) => string;
  },
  fields: Record<string, string>,
) {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (!m.nisn) return;
    const field = `members.${i}.nisn`;
    if (seen.has(m.nisn)) {
      fields[field] = 'NISN ini dipakai dua kali dalam formulir ini.';
      return;
    }
    seen.add(m.nisn);
    const other = db
      .select({ id: kpm.id, nama: kpm.nama, idKpm: kpm.idKpm, memberName: art.nama })
      .from(art)
      .innerJoin(kpm, eq(kpm.id, art.kpmId))
      .where(and(eq(art.nisn, m.nisn), of.notOwn(art.kpmId)))
      .get();
    if (other) fields[field] = `NISN sudah terdaftar untuk ${other.memberName}, keluarga ${of.familyLabel(other)}.`;
  });
}

function memberValues(kpmId: number, m: MemberInput) {
  const { id: _id, ...rest } = m;
  return { ...rest, nisn: rest.nisn ?? null, kpmId, nama: rest.nama.toUpperCase() };
}

function requireOffice(db: Db) {
  const office = getOffice(db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Aplikasi belum disiapkan.');
  return office;
}

/** Refuses what must not be saved; returns the warnings the user may accept. */
function checkBeforeSave(db: Db, input: KpmInput, ownId: number | null): FieldWarning[] {
  const office = requireOffice(db);
  const current =
    ownId === null ? null : (db.select({ p: kpm.pendampingId }).from(kpm).where(eq(kpm.id, ownId)).get()?.p ?? null);
  assertReferences(db, input, office.regencyCode, current);
  assertNoDuplicates(db, input, ownId);
  return kpmWarnings(input, office.regencyCode);
}

const mustConfirm = (input: KpmInput, warnings: FieldWarning[]) => warnings.length > 0 && !input.acceptWarnings;

export function createKpm(db: Db, actor: Actor, given: KpmInput): SaveResult {
  requireWriter(actor);
  return inTransaction(db, () => {
    const input = restoreMaskedNiks(db, actor, null, given);
    const warnings = checkBeforeSave(db, input, null);
    if (mustConfirm(input, warnings)) return { status: 'needs_confirmation', warnings };
    const now = new Date().toISOString();
    const created = db
      .insert(kpm)
      .values({ ...kpmValues(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    const members = input.members.map((m) => db.insert(art).values(memberValues(created.id, m)).returning().get());
    writeAudit(db, actor, {
      action: 'create',
      entity: 'kpm',
      entityId: created.id,
      summary: `KPM ${created.nama} (${created.idKpm ? `ID KPM ${created.idKpm}` : 'tanpa ID KPM'}) didaftarkan`,
      after: { ...created, members },
    });
    return { status: 'saved', id: created.id, warnings };
  });
}

export function updateKpm(db: Db, actor: Actor, id: number, given: KpmInput): SaveResult {
  requireWriter(actor);
  return inTransaction(db, () => {
    const before = loadFamily(db, id);
    const input = restoreMaskedNiks(db, actor, before, given);
    const warnings = checkBeforeSave(db, input, id);
    if (mustConfirm(input, warnings)) return { status: 'needs_confirmation', warnings };
    const keptIds = input.members.flatMap((m) => (m.id ? [m.id] : []));
    const foreign = keptIds.filter((memberId) => !before.members.some((m) => m.id === memberId));
    if (foreign.length > 0 || new Set(keptIds).size !== keptIds.length) {
      throw new AppError('INVALID_INPUT', 'Anggota keluarga tidak dikenal pada keluarga ini.');
    }
    // Removed members go first so a NIK moved from a removed row to a new row does not clash.
    const removed = before.members.filter((m) => !keptIds.includes(m.id)).map((m) => m.id);
    if (removed.length > 0) db.delete(art).where(inArray(art.id, removed)).run();
    const updated = db
      .update(kpm)
      .set({ ...kpmValues(input), updatedAt: new Date().toISOString() })
      .where(eq(kpm.id, id))
      .returning()
      .get();
    // NIKs may move between kept members (a swap): clear them first so no row meets the unique index twice.
    if (keptIds.length > 0) db.update(art).set({ nik: null, nisn: null }).where(inArray(art.id, keptIds)).run();
    for (const m of input.members) {
      if (m.id) db.update(art).set(memberValues(id, m)).where(eq(art.id, m.id)).run();
      else db.insert(art).values(memberValues(id, m)).run();
    }
    const after = loadFamily(db, id);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'kpm',
      entityId: id,
      summary: `Data KPM ${updated.nama} diubah: ${changedFields(before, after).join(', ') || 'tanpa perubahan'}`,
      before,
      after,
    });
    return { status: 'saved', id, warnings };
  });
}

function changedFields(before: { kpm: Kpm; members: Art[] }, after: { kpm: Kpm; members: Art[] }): string[] {
  const changed = (Object.keys(KPM_FIELDS) as KpmField[])
    .filter((key) => key !== 'members' && before.kpm[key] !== after.kpm[key])
    .map((key) => lowerFirst(KPM_FIELDS[key].label));
  if (JSON.stringify(before.members) !== JSON.stringify(after.members)) {
    changed.push(lowerFirst(KPM_FIELDS.members.label));
  }
  return changed;
}

function loadFamily(db: Db, id: number): { kpm: Kpm; members: Art[] } {
  const family = db.select().from(kpm).where(eq(kpm.id, id)).get();
  if (!family) throw new AppError('NOT_FOUND', 'KPM tidak ditemukan.');
  const members = db.select().from(art).where(eq(art.kpmId, id)).orderBy(art.id).all();
  return { kpm: family, members };
}

export function getKpm(db: Db, id: number): KpmDetail {
  const { kpm: family, members } = loadFamily(db, id);
  const history = historyOf(db, 'kpm', id);
  const names = db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(or(eq(regions.code, family.districtCode), eq(regions.code, family.villageCode)))
    .all();
  const nameOf = (code: string) => names.find((r) => r.code === code)?.name ?? code;
  const p = family.pendampingId
    ? db.select({ name: pendamping.name }).from(pendamping).where(eq(pendamping.id, family.pendampingId)).get()
    : undefined;
  return {
    kpm: family,
    members,
    districtName: nameOf(family.districtCode),
    villageName: nameOf(family.villageCode),
    pendampingName: p?.name ?? null,
    exitTypeName: family.exitTypeId
      ? (db.select({ name: exitTypes.name }).from(exitTypes).where(eq(exitTypes.id, family.exitTypeId)).get()?.name ??
        null)
      : null,
    benefit: familyBenefit(membersWithPengurus({ ...family, members }), getBenefitAmounts(db)),
    history,
    historyNames: historyNames(db, history),
  };
}
