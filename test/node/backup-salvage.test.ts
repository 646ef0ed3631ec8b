/**
 * Salvage of a damaged database: a leaf page of the families' table is overwritten with
 * garbage; the salvage keeps the raw file byte for byte, and writes a new, sound database with every other row,
 * naming the rowids it could not read and the rows left pointing at them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { integrityProblems, listBackups, salvageDatabase } from '../../main/services/backup';
import { readRanges } from '../../main/services/backup/salvage';
import { seedSyntheticFamilies } from '../fixtures/seed';
import { setUpOffice } from './helpers';

/** A closed database file with 400 families, its leaf pages of kpm, and its page size. */
async function closedOffice() {
  const { db, file } = await setUpOffice();
  seedSyntheticFamilies(db, { count: 400, seed: 11, pendampingCount: 4 });
  const leaves = db.$client
    .prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'kpm' AND pagetype = 'leaf' ORDER BY pageno")
    .all() as { pageno: number; ncell: number }[];
  const pageSize = db.$client.pragma('page_size', { simple: true }) as number;
  const art = db.$client.prepare('SELECT count(*) FROM art').pluck().get() as number;
  db.$client.close();
  return { file, leaves, pageSize, art, folder: join(dirname(file), 'cadangan') };
}

function overwritePage(file: string, pageno: number, pageSize: number, byte = 0xa5) {
  const bytes = readFileSync(file);
  bytes.fill(byte, (pageno - 1) * pageSize, pageno * pageSize);
  writeFileSync(file, bytes);
}

describe('salvageDatabase', () => {
  it('keeps the raw file and saves every readable row of a file with a garbage page', async () => {
    const { file, leaves, pageSize, art, folder } = await closedOffice();
    const bad = leaves[Math.floor(leaves.length / 2)];
    overwritePage(file, bad.pageno, pageSize);
    const damagedBytes = readFileSync(file);
    expect(integrityProblems(file)).not.toEqual([]);

    const result = await salvageDatabase({ damagedFile: file, folder });

    expect(readFileSync(result.rawCopy).equals(damagedBytes)).toBe(true);
    expect(readFileSync(file).equals(damagedBytes)).toBe(true);
    expect(integrityProblems(result.salvaged)).toEqual([]);
    const salvaged = openDatabase(result.salvaged).$client;
    const ids = salvaged.prepare('SELECT id FROM kpm ORDER BY id').pluck().all() as number[];
    expect(ids).toHaveLength(400 - bad.ncell);
    // the lost families are one run of consecutive ids: exactly the rows of the overwritten page
    const missing = Array.from({ length: 400 }, (_, i) => i + 1).filter((id) => !ids.includes(id));
    expect(missing).toHaveLength(bad.ncell);
    expect(missing.at(-1)! - missing[0]).toBe(bad.ncell - 1);
    expect(result.unreadable).toContain(`kpm: baris rowid ${missing[0]}–${missing.at(-1)} tidak terbaca.`);
    // members are all still readable; those of the lost families are reported as cut off
    expect(salvaged.prepare('SELECT count(*) FROM art').pluck().get()).toBe(art);
    const orphaned = salvaged
      .prepare(`SELECT count(*) FROM art WHERE kpm_id BETWEEN ${missing[0]} AND ${missing.at(-1)}`)
      .pluck()
      .get() as number;
    expect(orphaned).toBeGreaterThan(0);
    expect(result.unreadable).toContain(
      `art: ${orphaned} baris merujuk data yang tidak terbaca (rujukan antartabel terputus).`,
    );
    // other tables whole, the search index rebuilt over the saved families
    expect(salvaged.prepare('SELECT count(*) FROM pendamping').pluck().get()).toBe(4);
    expect(salvaged.prepare('SELECT count(*) FROM kpm_search_docsize').pluck().get()).toBe(ids.length);
    expect(salvaged.prepare('SELECT count(*) FROM kpm_search_paused').pluck().get()).toBe(0);
    expect(salvaged.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    salvaged.close();
    // neither file is offered as a backup
    expect(listBackups(folder)).toEqual([]);
  });

  it('says so when not even the structure can be read, and still writes an empty sound database', async () => {
    const { file, pageSize, folder } = await closedOffice();
    overwritePage(file, 1, pageSize, 0x00);
    const result = await salvageDatabase({ damagedFile: file, folder });
    expect(result.unreadable).toHaveLength(1);
    expect(result.unreadable[0]).toMatch(/^Struktur database tidak terbaca/);
    const salvaged = new Database(result.salvaged, { readonly: true });
    expect(salvaged.prepare('SELECT count(*) FROM kpm').pluck().get()).toBe(0);
    salvaged.close();
  });
  it('says a zero-byte file holds nothing to save', async () => {
    const { file, folder } = await closedOffice();
    writeFileSync(file, '');
    const result = await salvageDatabase({ damagedFile: file, folder });
    expect(result.unreadable).toEqual([
      'Berkas tidak berisi tabel apa pun (kosong atau bukan database): tidak ada yang diselamatkan.',
    ]);
    expect(readFileSync(result.rawCopy).length).toBe(0);
  });
});

describe('readRanges', () => {
  it('pins down the unreadable rowids by halving and hands over every other row once', () => {
    const seen: number[] = [];
    const bad = (id: number) => (id >= 23_337 && id <= 23_380) || id === 40_000;
    const lost = readRanges(
      5,
      41_234,
      (lo, hi) => {
        const ids = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
        if (ids.some(bad)) throw new Error('database disk image is malformed');
        return ids;
      },
      (id) => seen.push(id),
    );
    expect(lost).toEqual([
      [23_337, 23_380],
      [40_000, 40_000],
    ]);
    expect(seen).toHaveLength(41_230 - 45);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some(bad)).toBe(false);
  });
});
