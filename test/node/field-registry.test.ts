/**
 * fields.ts is the one definition of a family field: the table, the import's insert, its column map, the
 * exports, the list filter, the family page and the family data report take their fields from it, by name,
 * never from a list of their own; a field added there (any kind) reaches each of them by itself.
 */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { prepareMemberWrites } from '../../db/queries/import';
import { kpm } from '../../db/schema';
import { BUILT_IN_TEMPLATES, EXPORT_CATALOGUE, EXPORT_FAMILY_VIEW } from '../../main/domain/exports';
import { KPM_FIELDS, KPM_INTERNAL_COLUMNS, NUMBER_FIELDS, numberSpec } from '../../main/domain/fields';
import { fieldForHeader, IMPORT_FIELD_KEYS, IMPORT_FIELDS, IMPORT_VIEW } from '../../main/domain/import-fields';
import { kpmSearchSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { COLUMN_OF, KPM_WRITE_COLUMNS, KPM_WRITE_KEYS, kpmParams } from '../../main/services/import/kpm-columns';
import type { KpmValues } from '../../main/services/import/plan-base';
import { VALUE_LABEL } from '../../main/services/import/plan-values';
import { createKpm, getKpm } from '../../main/services/kpm';
import { familyInput, setUpOffice } from './helpers';

const tableKeys = Object.keys(getTableColumns(kpm));

describe('the field registry and the kpm table', () => {
  it('knows every column of the kpm table as a family field or as internal bookkeeping', () => {
    const known = new Set<string>([...Object.keys(KPM_FIELDS), ...KPM_INTERNAL_COLUMNS]);
    expect(tableKeys.filter((key) => !known.has(key))).toEqual([]);
  });

  it('has a column for every family field but the member list', () => {
    const fields = Object.entries(KPM_FIELDS)
      .filter(([, spec]) => spec.kind !== 'list')
      .map(([key]) => key);
    expect(fields.filter((key) => !tableKeys.includes(key))).toEqual([]);
    expect(KPM_INTERNAL_COLUMNS.filter((key) => !tableKeys.includes(key))).toEqual([]);
  });
});

describe("the import's insert", () => {
  it('writes each value into the column of its own name, whatever the order of the lists', () => {
    const values = Object.fromEntries(KPM_WRITE_KEYS.map((key) => [key, `value of ${key}`])) as unknown as KpmValues;
    const params = kpmParams(values, 42);
    const columns = getTableColumns(kpm) as Record<string, { name: string }>;
    const written = Object.fromEntries(KPM_WRITE_COLUMNS.map((column, i) => [column, params[i]]));
    for (const key of KPM_WRITE_KEYS) {
      expect(COLUMN_OF[key]).toBe(columns[key].name);
      expect(written[columns[key].name]).toBe(key === 'pendampingId' ? 42 : `value of ${key}`);
    }
  });

  it('writes every family field the import reads and nothing of the status', () => {
    const expected = Object.entries(KPM_FIELDS)
      .filter(([key, spec]) => spec.kind !== 'list' && !key.startsWith('status'))
      .map(([key]) => key);
    expect([...KPM_WRITE_KEYS].sort()).toEqual([...expected, 'komponenMask'].sort());
  });
});

describe("the import's member writes", () => {
  it('write and update each value into the column of its own name', async () => {
    const { db } = await setUpOffice();
    const created = createKpm(db, SYSTEM_ACTOR, familyInput({ members: [] }));
    if (created.status !== 'saved') throw new Error('not saved');
    const writes = prepareMemberWrites(db.$client);
    const member = {
      nik: '3375011203100009',
      nisn: '0101234567',
      nama: 'ANAK UJI',
      hubungan: 'anak',
      tanggalLahir: '2010-03-12',
      jenisKelamin: 'L',
      komponen: 'anak_sma',
    } as const;
    writes.insert(created.id, member);
    const read = () =>
      db.$client
        .prepare(
          'SELECT id, nik, nisn, nama, hubungan, tanggal_lahir, jenis_kelamin, komponen FROM art WHERE kpm_id = ?',
        )
        .get(created.id) as Record<string, unknown>;
    const row = read();
    expect(row).toMatchObject({
      nik: member.nik,
      nisn: '0101234567',
      nama: member.nama,
      hubungan: 'anak',
      tanggal_lahir: '2010-03-12',
      jenis_kelamin: 'L',
      komponen: 'anak_sma',
    });
    writes.update(created.id, row.id as number, {
      ...member,
      nisn: '0109876543',
      hubungan: 'cucu',
      komponen: null,
      tanggalLahir: null,
    });
    expect(read()).toMatchObject({
      nik: member.nik,
      nisn: '0109876543',
      hubungan: 'cucu',
      komponen: null,
      tanggal_lahir: null,
    });
    db.$client.close();
  });
});

describe('the number fields reach every list', () => {
  it('are mapped by the import, exported, and filter the KPM list', () => {
    expect(NUMBER_FIELDS).toContain('desil');
    for (const key of NUMBER_FIELDS) {
      expect(IMPORT_FIELD_KEYS).toContain(key);
      expect(IMPORT_FIELDS.find((f) => f.key === key)?.label).toBe(numberSpec(key).label);
      expect(EXPORT_CATALOGUE.registry.map((c) => c.key)).toContain(key);
      expect(kpmSearchSchema.parse({})[key]).toBeNull();
    }
  });
});

/** Four new family fields, one of each kind, placed after desil as a new field would be. */
const PROBES = {
  probeText: { label: 'Nama gadis ibu', kind: 'text', max: 60, importNames: ['NAMA GADIS IBU'] },
  probeDate: {
    label: 'Tanggal verifikasi',
    kind: 'date',
    earliest: '2007-01-01',
    importNames: ['TGL VERIFIKASI', 'TANGGAL VERIFIKASI'],
  },
  probeChoice: { label: 'Status rumah', kind: 'choice', importNames: ['STATUS RUMAH'] },
  probeNumber: { label: 'Jumlah kamar', kind: 'integer', min: 1, max: 20, hint: '', importNames: ['JUMLAH KAMAR'] },
} as const;
const PROBE_VALUES = { probeText: 'SITI', probeDate: '2020-03-12', probeChoice: 'milik', probeNumber: 3 };

/** The lists as they are built when fields.ts has the probe fields. */
async function listsWithProbes() {
  vi.resetModules();
  vi.doMock('../../main/domain/fields', async (importOriginal) => {
    const actual = await importOriginal<typeof import('../../main/domain/fields')>();
    const entries = Object.entries(actual.KPM_FIELDS);
    const at = entries.findIndex(([key]) => key === 'desil') + 1;
    const fields = Object.fromEntries([...entries.slice(0, at), ...Object.entries(PROBES), ...entries.slice(at)]);
    return { ...actual, KPM_FIELDS: fields };
  });
  try {
    return {
      imports: await import('../../main/domain/import-fields'),
      exports: await import('../../main/domain/exports'),
      report: await import('../../main/services/privacy/family-report-tables'),
      page: await import('../../renderer/features/kpm/detail-rows'),
    };
  } finally {
    vi.doUnmock('../../main/domain/fields');
    vi.resetModules();
  }
}

describe('a new family field of any kind', () => {
  it('reaches the import, the exports, the family page and the family data report by itself', async () => {
    const { imports, exports, report, page } = await listsWithProbes();
    const { db } = await setUpOffice();
    const created = createKpm(db, SYSTEM_ACTOR, familyInput({ desil: 4 }));
    if (created.status !== 'saved') throw new Error('not saved');
    const real = getKpm(db, created.id);
    const detail = { ...real, nikFull: true, kpm: { ...real.kpm, ...PROBE_VALUES } };
    const reportRows = report.familyTable(db, detail).rows.map(([label]) => label);
    const pageRows = page.detailRows(detail, 'KOTA PEKALONGAN');
    const registry = exports.BUILT_IN_TEMPLATES.find((t) => t.key === 'registry')?.columns.map((c) => c.key) ?? [];
    const shown = {
      probeText: 'SITI',
      probeDate: '12 Maret 2020',
      probeChoice: 'milik',
      probeNumber: '3',
    } as const;
    const types = { probeText: 'text', probeDate: 'date', probeChoice: 'text', probeNumber: 'number' } as const;
    for (const [key, spec] of Object.entries(PROBES) as [keyof typeof PROBES, (typeof PROBES)[keyof typeof PROBES]][]) {
      expect(imports.fieldForHeader(spec.importNames[0])?.field as string).toBe(key);
      expect(imports.IMPORT_FIELDS.find((f) => (f.key as string) === key)).toMatchObject({
        label: spec.label,
        group: 'keluarga',
      });
      for (const kind of exports.EXPORT_KINDS) {
        expect(exports.catalogueColumn(kind, key)).toEqual({ key, header: spec.label.toUpperCase(), type: types[key] });
      }
      expect(report.familyTable(db, detail).rows).toContainEqual([spec.label, shown[key]]);
      expect(pageRows).toContainEqual({ card: 'identity', label: spec.label, value: shown[key] });
    }
    // In the registry's order: after desil, before what follows it.
    const probes = Object.keys(PROBES);
    expect(registry.slice(registry.indexOf('desil') + 1, registry.indexOf('desil') + 5)).toEqual(probes);
    expect(reportRows.slice(reportRows.indexOf('Desil') + 1, reportRows.indexOf('Desil') + 5)).toEqual(
      probes.map((key) => PROBES[key as keyof typeof PROBES].label),
    );
    db.$client.close();
  });

  it('is known to every list: no list names a field fields.ts does not have', () => {
    const known = new Set(Object.keys(KPM_FIELDS));
    for (const view of [IMPORT_VIEW, EXPORT_FAMILY_VIEW]) {
      expect(Object.keys(view).filter((key) => !known.has(key))).toEqual([]);
    }
    expect(Object.keys(VALUE_LABEL).sort()).toEqual([...KPM_WRITE_KEYS].sort());
  });

  it('with header names is in the registry file under a header the import reads back to it', () => {
    const registry = BUILT_IN_TEMPLATES.find((t) => t.key === 'registry')?.columns ?? [];
    const named = Object.entries(KPM_FIELDS).filter(([, spec]) => 'importNames' in spec);
    expect(named.length).toBeGreaterThan(10);
    for (const [key] of named) {
      const column = registry.find((c) => c.key === key);
      expect(column && fieldForHeader(column.header)?.field).toBe(key);
    }
  });
});
