/**
 * The compact buffers a plan's items and a file's families cross the worker boundary in (plan-items.ts): what
 * is decoded is what was encoded, a value the file left out stays left out and an emptied one (null) stays null.
 */
import { describe, expect, it } from 'vitest';
import { KPM_WRITE_KEYS } from '../../main/services/import/kpm-columns';
import type { PlannedFamily } from '../../main/services/import/plan-base';
import {
  decodeFamilies,
  decodeItems,
  encodeFamilies,
  encodeItems,
  encodePlanned,
  ITEM_CHUNK,
} from '../../main/services/import/plan-items';
import type { FamilyRecord } from '../../main/services/import/types';

function family(i: number): FamilyRecord {
  return {
    row: i + 3,
    rows: [i + 3, i + 4],
    values: {
      nik: `352801${String(i).padStart(10, '0')}`,
      nama: i % 2 ? 'SITI "UJI" AMINAH' : 'BUDI & SANTOSO\u00e9',
      rt: '001',
      tahunBergabung: 2019,
    },
    pendamping: i % 3 ? { key: 'ani', name: 'Ani Sintetis' } : undefined,
    members: [{ row: i + 4, nama: 'ANAK UJI', hubungan: 'anak', jenisKelamin: 'L', tanggalLahir: '2015-02-03' }],
    error: i % 7 === 0,
  } as FamilyRecord;
}

describe('plan items and families as buffers', () => {
  it('decodes families as they were, over more than one chunk', () => {
    const families = Array.from({ length: ITEM_CHUNK + 3 }, (_, i) => family(i));
    const expected = structuredClone(families);
    const encoded = encodeFamilies(families);
    expect(encoded).toHaveLength(2);
    expect(encoded.every((chunk) => chunk instanceof ArrayBuffer)).toBe(true);
    expect(decodeFamilies(encoded)).toEqual(expected);
    // A value the file did not give is absent again, not null.
    expect(Object.keys(decodeFamilies(encoded)[0].values).sort()).toEqual(['nama', 'nik', 'rt', 'tahunBergabung']);
  });

  it('keeps an emptied value (null) apart from one not written, and the write fields of an item', () => {
    const f = family(1);
    const item = {
      family: f,
      action: 'update',
      targetId: 42,
      values: { ...f.values, phone: null, pendampingId: null, komponenMask: 5 },
      pendampingNew: 'ani',
      members: [
        { id: 9, nik: null, nama: 'ANAK UJI', hubungan: 'anak', tanggalLahir: null, jenisKelamin: 'L', komponen: null },
      ],
      changes: ['No. HP'],
      changedKeys: ['phone'],
      note: 'not sent',
    } as unknown as PlannedFamily;
    const [decoded] = encodeItems([item]).flatMap(decodeItems);
    expect(decoded).toStrictEqual({
      action: 'update',
      targetId: 42,
      values: {
        nik: f.values.nik,
        nama: f.values.nama,
        rt: '001',
        tahunBergabung: 2019,
        phone: null,
        pendampingId: null,
        komponenMask: 5,
      },
      pendampingNew: 'ani',
      members: [
        { id: 9, nik: null, nama: 'ANAK UJI', hubungan: 'anak', tanggalLahir: null, jenisKelamin: 'L', komponen: null },
      ],
      changes: ['No. HP'],
      changedKeys: ['phone'],
      row: f.row,
      rows: f.rows,
    });
  });

  it('encodes the items with their families, giving the list up as it goes', () => {
    const families = Array.from({ length: 2 * ITEM_CHUNK + 1 }, (_, i) => family(i));
    const expected = structuredClone(families);
    const items: (PlannedFamily | undefined)[] = families.map(
      (f) =>
        ({
          family: f,
          action: 'add',
          targetId: null,
          values: null,
          pendampingNew: null,
          members: [],
          changes: [],
          changedKeys: [],
          note: '',
        }) as PlannedFamily,
    );
    const encoded = encodePlanned(items, true);
    expect([encoded.items.length, encoded.families.length]).toEqual([3, 3]);
    expect(items.every((item) => item === undefined)).toBe(true);
    expect(decodeFamilies(encoded.families)).toEqual(expected);
    expect(encoded.items.flatMap(decodeItems).map((item) => item.row)).toEqual(expected.map((f) => f.row));
    expect(encodePlanned([], true)).toEqual({ items: [], families: [] });
  });

  it('writes an item and a family as values in a fixed order, without field names', () => {
    const f = family(1);
    const item = {
      family: f,
      action: 'add',
      targetId: null,
      values: { ...f.values, pendampingId: 3, komponenMask: 0 },
      pendampingNew: null,
      members: [],
      changes: [],
      changedKeys: [],
      note: '',
    } as unknown as PlannedFamily;
    const encoded = encodePlanned([item], true);
    const itemText = Buffer.from(encoded.items[0]).toString('utf8');
    const familyText = Buffer.from(encoded.families[0]).toString('utf8');
    // The names of the item's and the family's own fields are not repeated in every record (they were 40% of
    // the JSON of 100,000 items); a member, which is rare, keeps its names.
    for (const name of ['action', 'targetId', 'pendampingNew', 'changedKeys', 'rows', 'values', 'error'])
      expect(`${itemText}${familyText}`).not.toContain(`"${name}"`);
    expect(itemText).toBe(
      `[["add",null,null,${JSON.stringify(item.values && valueOrder(item.values))},[],[],[],4,[4,5]]]`,
    );
  });
});

/** The values as the encoding writes them: a mask of the absent ones, then each in KPM_WRITE_KEYS order. */
function valueOrder(values: Record<string, unknown>): unknown[] {
  let absent = 0;
  const list = KPM_WRITE_KEYS.map((key, i) => {
    if (values[key] === undefined) absent += 2 ** i;
    return values[key] ?? null;
  });
  return [absent, ...list];
}
