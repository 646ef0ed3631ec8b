import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { createKpm, getKpm, updateKpm } from '../../main/services/kpm';
import { createPendamping } from '../../main/services/pendamping';
import { diffSnapshots } from '../../renderer/features/kpm/history-diff';
import { familyInput, setUpOffice } from './helpers';

let db: Db;
let admin: Actor;

beforeEach(async () => {
  ({ db, admin } = await setUpOffice());
});
afterEach(() => db.$client.close());

const pendampingInput = (name: string) => ({ name, nip: null, phone: '', districtCodes: [], active: true });

describe('the names a family history shows', () => {
  it('names the kecamatan, desa and pendamping before and after a move', () => {
    const a = createPendamping(db, admin, pendampingInput('Pendamping Awal'));
    const b = createPendamping(db, admin, pendampingInput('Pendamping Baru'));
    const created = createKpm(db, admin, familyInput({ pendampingId: a.id }));
    if (created.status !== 'saved') throw new Error('not saved');
    const moved = updateKpm(
      db,
      admin,
      created.id,
      familyInput({
        pendampingId: b.id,
        districtCode: '337502',
        villageCode: '3375021002',
        nik: '3375024507850001',
        acceptWarnings: true,
      }),
    );
    expect(moved.status).toBe('saved');

    const detail = getKpm(db, created.id);
    expect(detail.historyNames).toEqual({
      regions: {
        '337501': 'Pekalongan Barat',
        '3375011002': 'Medono',
        '337502': 'Pekalongan Timur',
        '3375021002': 'Noyontaansari',
      },
      pendamping: { [String(a.id)]: 'Pendamping Awal', [String(b.id)]: 'Pendamping Baru' },
    });

    const update = detail.history.find((entry) => entry.action === 'update');
    const rows = diffSnapshots(update?.before, update?.after, detail.historyNames);
    const shown = Object.fromEntries(rows.map((row) => [row.label, [row.before, row.after]]));
    expect(shown.Kecamatan).toEqual(['Pekalongan Barat', 'Pekalongan Timur']);
    expect(shown['Desa/kelurahan']).toEqual(['Medono', 'Noyontaansari']);
    expect(shown.Pendamping).toEqual(['Pendamping Awal', 'Pendamping Baru']);
  });
});

describe('a family registered without an ID KPM', () => {
  it('is summarised as "tanpa ID KPM", never "ID KPM null", also for rows written before', () => {
    const created = createKpm(db, admin, familyInput({ idKpm: null }));
    if (created.status !== 'saved') throw new Error('not saved');
    db.$client
      .prepare(
        "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary) VALUES (?, ?, ?, 'update', 'kpm', ?, ?)",
      )
      .run(
        '2026-01-02T03:04:05.000Z',
        admin.id,
        admin.username,
        created.id,
        'KPM Siti Wulandari (ID KPM null) didaftarkan',
      );
    const summaries = getKpm(db, created.id).history.map((entry) => entry.summary);
    expect(summaries).toHaveLength(2);
    for (const summary of summaries) {
      expect(summary).not.toContain('null');
      expect(summary).toContain('(tanpa ID KPM)');
    }
  });
});
