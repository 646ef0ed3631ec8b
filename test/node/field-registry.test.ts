/**
 * fields.ts is the one definition of a family field: the table, the import's insert, its column map, the
 * exports and the list filter take their fields from it, by name, never from a list of their own.
 */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { prepareMemberWrites } from '../../db/queries/import';
import { kpm } from '../../db/schema';
import { EXPORT_CATALOGUE } from '../../main/domain/exports';
import { KPM_FIELDS, KPM_INTERNAL_COLUMNS, NUMBER_FIELDS, numberSpec } from '../../main/domain/fields';
import { IMPORT_FIELD_KEYS, IMPORT_FIELDS } from '../../main/domain/import-fields';
import { kpmSearchSchema } from '../../main/domain/schemas';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { COLUMN_OF, KPM_WRITE_COLUMNS, KPM_WRITE_KEYS, kpmParams } from '../../main/services/import/kpm-columns';
import type { KpmValues } from '../../main/services/import/plan-base';
import { createKpm } from '../../main/services/kpm';
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
      nama: 'ANAK UJI',
      hubungan: 'anak',
      tanggalLahir: '2010-03-12',
      jenisKelamin: 'L',
      komponen: 'anak_sma',
    } as const;
    writes.insert(created.id, member);
    const read = () =>
      db.$client
        .prepare('SELECT id, nik, nama, hubungan, tanggal_lahir, jenis_kelamin, komponen FROM art WHERE kpm_id = ?')
        .get(created.id) as Record<string, unknown>;
    const row = read();
    expect(row).toMatchObject({
      nik: member.nik,
      nama: member.nama,
      hubungan: 'anak',
      tanggal_lahir: '2010-03-12',
      jenis_kelamin: 'L',
      komponen: 'anak_sma',
    });
    writes.update(created.id, row.id as number, { ...member, hubungan: 'cucu', komponen: null, tanggalLahir: null });
    expect(read()).toMatchObject({ nik: member.nik, hubungan: 'cucu', komponen: null, tanggal_lahir: null });
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
