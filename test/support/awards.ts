/**
 * Award fixtures: a programme as the form sends it, a small catalogue, and staff of each role.
 * Graduated families come from documents-db.ts `graduatedFamilies` (a real decision). Synthetic data only.
 */
import type { Db } from '../../db/open';
import { type ProgramInput, programSchema } from '../../main/domain/awards';
import type { Actor } from '../../main/services/actor';
import { saveItem } from '../../main/services/awards/items';
import { saveProgram } from '../../main/services/awards/programs';
import { decideGraduations, insertFamily, userActor } from './graduation';

/** A programme for 2026 graduations, Rp1.500.000-Rp5.000.000 per family, active unless told. */
export function programInput(overrides: Partial<ProgramInput> = {}): ProgramInput {
  return programSchema.parse({
    name: 'Bantuan Sarana Usaha KPM Graduasi 2026',
    year: 2026,
    fundingSource: 'APBD',
    sponsorName: '',
    budget: 50_000_000,
    form: 'campuran',
    minPerFamily: 1_500_000,
    maxPerFamily: 5_000_000,
    graduationTypes: ['graduasi_mandiri', 'graduasi_alamiah'],
    graduatedFrom: '2026-01-01',
    graduatedTo: '2026-12-31',
    onePerFamily: true,
    status: 'active',
    ...overrides,
  });
}

export function createProgram(db: Db, actor: Actor, overrides: Partial<ProgramInput> = {}) {
  return saveProgram(db, actor, programInput(overrides));
}

/** Etalase kaca Rp1.250.000, Kompor gas 2 tungku Rp450.000, Freezer Rp2.800.000. */
export function catalogue(db: Db, actor: Actor) {
  const item = (name: string, unit: string, unitPrice: number) =>
    saveItem(db, actor, { name, unit, unitPrice, supplier: 'CV Sinar Uji', active: true });
  return {
    etalase: item('Etalase kaca', 'unit', 1_250_000),
    kompor: item('Kompor gas 2 tungku', 'unit', 450_000),
    freezer: item('Freezer 200 liter', 'unit', 2_800_000),
  };
}

/** An operator who plans, a pimpinan who approves, a verifikator who may do neither. */
export function staff(db: Db, admin: Actor) {
  return {
    operator: userActor(db, admin, 'operator', 'operator_bantuan'),
    pimpinan: userActor(db, admin, 'pimpinan', 'pimpinan_bantuan'),
    verifikator: userActor(db, admin, 'verifikator', 'verifikator_bantuan'),
  };
}

/** Sets an award's stage to handed_over with a handover, as handover.ts will (until it is on main). */
export function markHandedOver(db: Db, awardId: number, bastDocumentId: number | null = null): void {
  db.$client
    .prepare(
      `UPDATE awards SET stage = 'handed_over', handover_date = '2026-11-20', handover_place = 'Pendopo Kecamatan Uji',
         receiver_name = 'Wakil Uji', receiver_relationship = 'anak', witnesses = '[{"name":"Saksi Uji","position":"Kepala Desa"}]',
         handed_over_by_name = 'operator_bantuan', bast_document_id = ?
       WHERE id = ?`,
    )
    .run(bastDocumentId, awardId);
}

/**
 * Families `KELUARGA UJI <n>` graduated by one real decision (SK dated skDate, default 15 October 2026); callable
 * many times on one database (documents-db.ts `graduatedFamilies` adds a pendamping with a fixed NIP once).
 */
export function graduate(
  db: Db,
  admin: Actor,
  numbers: number[],
  options: { skDate?: string; kind?: 'mandiri' | 'alamiah' } = {},
): { kpmIds: number[]; decisionId: number } {
  const kpmIds = numbers.map((n) => insertFamily(db, admin, n));
  const { decisionId } = decideGraduations(db, { kpmIds, skDate: options.skDate ?? '2026-10-15', kind: options.kind });
  return { kpmIds, decisionId };
}
