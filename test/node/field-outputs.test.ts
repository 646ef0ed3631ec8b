/**
 * What users read of the family fields, pinned: the exports' built-in files (the ministry's column order and
 * headers), the export column catalogue, the import's mapping fields and difference labels, and the family data
 * report's rows. The field lists are built from fields.ts; these outputs must not move when a list is rebuilt.
 * A deliberate change rewrites the pin: PIN_FIELD_OUTPUTS=1 npx vitest run test/node/field-outputs.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { BUILT_IN_TEMPLATES, EXPORT_CATALOGUE } from '../../main/domain/exports';
import { IMPORT_FIELDS } from '../../main/domain/import-fields';
import { pendampingSchema } from '../../main/domain/schemas';
import { VALUE_LABEL } from '../../main/services/import/plan-values';
import { getKpm, updateKpm } from '../../main/services/kpm';
import { createPendamping } from '../../main/services/pendamping';
import { familyTable } from '../../main/services/privacy/family-report-tables';
import { detailRows } from '../../renderer/features/kpm/detail-rows';
import { type ExportDb, exportDb, readWorkbook, runBuiltIn } from '../support/exports';
import { familyInput } from './helpers';

const PIN_FILE = new URL('./field-outputs.pinned.json', import.meta.url);

let t: ExportDb;
let db: Db;
beforeAll(async () => {
  t = await exportDb();
  db = t.db;
  const { id } = createPendamping(
    db,
    t.admin,
    pendampingSchema.parse({ name: 'RINA MARLINA', nip: '198501012010012001' }),
  );
  const saved = updateKpm(
    db,
    t.admin,
    t.familyId,
    familyInput({
      idDtks: '3375010101100001001',
      komponen: 'disabilitas_berat',
      phone: '081234567890',
      tahunBergabung: 2015,
      desil: 4,
      pendampingId: id,
      notes: 'Catatan uji',
      acceptWarnings: true,
    }),
  );
  if (saved.status !== 'saved') throw new Error(JSON.stringify(saved));
});
afterAll(() => db.$client.close());

/** Every built-in file's sheets as text rows (headers and values), in order. */
async function builtInFiles(): Promise<Record<string, string[][]>> {
  const files: Record<string, string[][]> = {};
  for (const template of BUILT_IN_TEMPLATES) {
    const file = await runBuiltIn(db, t.admin, template.key);
    const book = await readWorkbook(file.bytes);
    const rows: string[][] = [];
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows.push(values.map((v) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null))));
      });
    }
    files[template.key] = rows;
  }
  return files;
}

async function outputs() {
  const report = familyTable(db, getKpm(db, t.familyId)).rows.map(([label, value]) =>
    // The registration and change times are the real clock's.
    label === 'Didaftarkan' || label === 'Terakhir diubah' ? [label] : [label, value],
  );
  return {
    builtInTemplates: BUILT_IN_TEMPLATES.map((template) => ({ key: template.key, columns: template.columns })),
    builtInFiles: await builtInFiles(),
    exportCatalogue: EXPORT_CATALOGUE,
    importFields: IMPORT_FIELDS,
    valueLabels: VALUE_LABEL,
    familyReport: report,
  };
}

type Keyed = { key: string };
const byKey = (list: Keyed[]) => Object.fromEntries(list.map((entry) => [entry.key, entry]));
const byKind = <T>(kinds: Record<string, Keyed[]>, of: (list: Keyed[]) => T) =>
  Object.fromEntries(Object.entries(kinds).map(([kind, list]) => [kind, of(list)]));

describe('the outputs built from the field registry', () => {
  it("keep the family page's facts, card by card, in their order", () => {
    const rows = detailRows({ ...getKpm(db, t.familyId), nikFull: true }, 'KOTA PEKALONGAN');
    const labels = (card: string) => rows.filter((row) => row.card === card).map((row) => row.label);
    expect(labels('identity')).toEqual([
      'ID KPM',
      'ID DTKS',
      'No. KK',
      'NIK',
      'Nama pengurus',
      'Tempat, tgl. lahir',
      'Jenis kelamin',
      'Komponen pengurus',
      'Telepon',
      'Tahun bergabung',
      'Desil',
    ]);
    expect(labels('address')).toEqual([
      'Alamat',
      'RT/RW',
      'Desa/kelurahan',
      'Kecamatan',
      'Kabupaten/kota',
      'Pendamping',
      'Status',
      'Catatan',
    ]);
    const text = Object.fromEntries(rows.filter((row) => typeof row.value !== 'object').map((r) => [r.label, r.value]));
    expect(text).toMatchObject({
      'ID DTKS': '3375010101100001001',
      'Nama pengurus': 'SITI WULANDARI',
      'Tempat, tgl. lahir': 'Pekalongan, 5 Juli 1985',
      'Jenis kelamin': 'Perempuan',
      'Komponen pengurus': 'Penyandang disabilitas berat',
      Telepon: '081234567890',
      'Tahun bergabung': '2015',
      Desil: '4',
      'RT/RW': 'RT 002 / RW 005',
      'Desa/kelurahan': 'Medono',
      Kecamatan: 'Pekalongan Barat',
      'Kabupaten/kota': 'KOTA PEKALONGAN',
      Catatan: 'Catatan uji',
    });
  });

  it('are the pinned ones', async () => {
    const now = JSON.parse(JSON.stringify(await outputs()));
    if (process.env.PIN_FIELD_OUTPUTS === '1') writeFileSync(PIN_FILE, `${JSON.stringify(now, null, 1)}\n`);
    const pinned = JSON.parse(readFileSync(PIN_FILE, 'utf8'));
    expect(now.builtInTemplates).toEqual(pinned.builtInTemplates);
    expect(now.builtInFiles).toEqual(pinned.builtInFiles);
    // The catalogue (the template editor's menu of columns) and the mapping screen list the fields in the
    // registry's order; what each column and mapping field is stays the same.
    expect(byKind(now.exportCatalogue, byKey)).toEqual(byKind(pinned.exportCatalogue, byKey));
    expect(byKey(now.importFields)).toEqual(byKey(pinned.importFields));
    expect(now.valueLabels).toEqual(pinned.valueLabels);
    expect(now.familyReport).toEqual(pinned.familyReport);
  });
});
