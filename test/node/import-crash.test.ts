/**
 * An import killed in the middle of its commit (SIGKILL, as a power cut or a killed process) leaves the
 * database intact, holding none of the batch; the same import then runs to the end.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { csvFile, familyRow, headerRow, makeFamilies } from '../fixtures/messy-files';
import { spawnTs } from '../support/spawn-ts';
import { freshDb, placesOf } from './import-db';

const FAMILIES = 40_000;
let dbFile: string;
let csv: string;

function runCli(args: string[], killAt?: (line: string) => boolean) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; killedAt: string | null }>(
    (done) => {
      const child = spawnTs('main/cli.ts', args);
      const lines: string[] = [];
      let killedAt: string | null = null;
      let buffer = '';
      child.stderr.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          if (killAt && !killedAt && killAt(line)) {
            killedAt = line;
            child.kill('SIGKILL');
          }
        }
      });
      child.stdout.resume();
      child.on('exit', (code, signal) => done({ code, signal, lines, killedAt }));
    },
  );
}

function state(file: string) {
  const db = openDatabase(file);
  try {
    const one = (sql: string) => db.$client.prepare(sql).pluck().get();
    return {
      integrity: one('PRAGMA integrity_check'),
      foreignKeys: db.$client.prepare('PRAGMA foreign_key_check').all().length,
      kpm: one('SELECT count(*) FROM kpm') as number,
      batches: one('SELECT count(*) FROM import_batches') as number,
      items: one('SELECT count(*) FROM import_batch_items') as number,
      importAudit: one('SELECT count(*) FROM audit_log WHERE import_batch_id IS NOT NULL') as number,
      // One row per family indexed for search (FTS5 keeps a size record for every indexed document).
      searchRows: one('SELECT count(*) FROM kpm_search_docsize') as number,
      triggers: db.$client
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'kpm' ORDER BY name")
        .pluck()
        .all(),
      searchIntegrity: (() => {
        db.$client.prepare("INSERT INTO kpm_search(kpm_search) VALUES ('integrity-check')").run();
        return 'ok';
      })(),
    };
  } finally {
    db.$client.close();
  }
}

beforeAll(async () => {
  const fresh = await freshDb();
  dbFile = fresh.file;
  const places = placesOf(fresh.db);
  fresh.db.$client.close();
  const families = makeFamilies(FAMILIES, places, { seed: 3 });
  csv = `${dbFile}.csv`;
  writeFileSync(
    csv,
    csvFile([headerRow('siksng'), ...families.map((f) => familyRow(f, 'siksng'))], { delimiter: ';' }),
  );
});

describe('an import killed during its commit', () => {
  it('leaves the database intact with none of the batch, and runs again to the end', async () => {
    const before = state(dbFile);
    expect(before).toMatchObject({ integrity: 'ok', kpm: 0, batches: 0 });

    const killed = await runCli(['import', csv, '--db', dbFile, '--commit', '--progress'], (line) => {
      const m = line.match(/^progres Menyimpan ke database: (\d+)\/(\d+)$/);
      return m !== null && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]);
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.killedAt).toMatch(/^progres Menyimpan ke database: \d+\/40000$/);

    const after = state(dbFile);
    expect(after).toEqual({ ...before, integrity: 'ok', searchIntegrity: 'ok' });

    const full = await runCli(['import', csv, '--db', dbFile, '--commit']);
    expect(full.code).toBe(0);
    const done = state(dbFile);
    expect(done).toMatchObject({
      integrity: 'ok',
      foreignKeys: 0,
      kpm: FAMILIES,
      batches: 1,
      items: FAMILIES,
      importAudit: FAMILIES + 1,
      searchRows: FAMILIES,
      triggers: before.triggers,
      searchIntegrity: 'ok',
    });
  });
});
