/**
 * A process killed with SIGKILL (a power cut, a killed app) in the middle of a backup and of a restore,
 * several times each at different moments: every time the database file opens, passes
 * integrity_check and holds the old state or the new one, and no half-written copy is ever listed as a backup.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createBackup, integrityProblems, listBackups } from '../../main/services/backup';
import { spawnTs } from '../support/spawn-ts';
import { tempDbFile } from './helpers';

/** Starts the worker; resolves once it is ready; kill() sends SIGKILL and resolves when it is gone. */
async function startJob(args: string[]) {
  const child: ChildProcess = spawnTs('test/support/backup-worker.ts', args);
  let out = '';
  let err = '';
  const seen = (text: string) =>
    new Promise<void>((ok) => {
      const check = () => out.includes(`${text}\n`) && ok();
      child.stdout?.on('data', check);
      check();
    });
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  await seen('ready');
  child.stdin?.write('go\n');
  return {
    // fails at once when the job ends without reaching its stop point
    paused: () =>
      Promise.race([
        seen('paused'),
        exited.then(() => {
          throw new Error(`the job ended before its stop point: ${out} ${err}`);
        }),
      ]),
    kill: async () => {
      child.kill('SIGKILL');
      return exited;
    },
    exited,
    output: () => ({ out, err }),
  };
}

/**
 * A closed database of about 40 MB (so a backup takes several steps) whose `marker` row names its state,
 * with ledger rows whose count and sum a totals row repeats.
 */
function makeDatabase(file: string, marker: string): void {
  const db = openDatabase(file);
  db.$client.exec(`
    CREATE TABLE marker (v TEXT NOT NULL);
    INSERT INTO marker VALUES ('${marker}');
    CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10000)
    INSERT INTO filler (data) SELECT randomblob(4000) FROM k;`);
  db.$client.close();
}

/** The state the file holds, after checking it opens the way the app opens it and passes integrity_check. */
function stateOf(file: string): string {
  const db = openDatabase(file);
  try {
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(10_000);
    return db.$client.prepare('SELECT v FROM marker').pluck().get() as string;
  } finally {
    db.$client.close();
  }
}

function markerOf(backupFile: string): string {
  const sqlite = new Database(backupFile, { readonly: true });
  try {
    return sqlite.prepare('SELECT v FROM marker').pluck().get() as string;
  } finally {
    sqlite.close();
  }
}

/** Every listed backup is a whole, sound copy of one of the expected states. */
function expectOnlySoundBackups(folder: string, states: string[]): void {
  for (const backup of listBackups(folder)) {
    expect(integrityProblems(backup.file), backup.name).toEqual([]);
    expect(states).toContain(markerOf(backup.file));
  }
}

describe('SIGKILL in the middle of a backup', () => {
  it('leaves the database intact and lists no half copy, at each moment it is killed', async () => {
    const file = tempDbFile('kantor.db');
    const folder = join(dirname(file), 'cadangan');
    makeDatabase(file, 'kantor');
    // stopped at the first, a middle and a late progress step (about 100 steps of 100 pages); then killed after a delay, wherever it is
    const moments = [{ step: 1 }, { step: 40 }, { step: 80 }, { ms: 100 }, { ms: 400 }, { ms: 900 }];
    for (const moment of moments) {
      const job = await startJob(['backup', file, folder, 'step' in moment ? String(moment.step) : '']);
      if ('step' in moment) await job.paused();
      else await new Promise((done) => setTimeout(done, moment.ms));
      const { signal } = await job.kill();
      expect(stateOf(file)).toBe('kantor');
      expectOnlySoundBackups(folder, ['kantor']);
      if ('step' in moment) {
        expect(signal, JSON.stringify(job.output())).toBe('SIGKILL');
        expect(listBackups(folder)).toEqual([]);
      }
    }
    // the folder still takes a backup afterwards
    const db = openDatabase(file);
    await createBackup(db, folder, 'manual');
    db.$client.close();
    expect(listBackups(folder).some((b) => b.reason === 'manual')).toBe(true);
    expectOnlySoundBackups(folder, ['kantor']);
  }, 180_000);
});

describe('SIGKILL in the middle of a restore', () => {
  it('leaves the old database or the restored one, sound, at each moment it is killed', async () => {
    const dir = dirname(tempDbFile());
    const file = join(dir, 'kantor.db');
    const folder = join(dir, 'cadangan');
    const template = join(dir, 'template.db');
    makeDatabase(template, 'sekarang');
    const backupSource = join(dir, 'lama.db');
    makeDatabase(backupSource, 'cadangan');
    const source = openDatabase(backupSource);
    const backup = await createBackup(source, folder, 'manual');
    source.$client.close();

    const moments: ({ step: string; expect: string[] } | { ms: number; expect: string[] })[] = [
      { step: 'keeping', expect: ['sekarang'] },
      { step: 'copying', expect: ['sekarang'] },
      { step: 'replacing', expect: ['sekarang'] },
      { step: 'done', expect: ['cadangan'] },
      { ms: 200, expect: ['sekarang', 'cadangan'] },
      { ms: 600, expect: ['sekarang', 'cadangan'] },
      { ms: 1200, expect: ['sekarang', 'cadangan'] },
    ];
    const seen = new Set<string>();
    for (const moment of moments) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      copyFileSync(template, file);
      const job = await startJob(['restore', backup.file, file, folder, 'step' in moment ? moment.step : '']);
      if ('step' in moment) await job.paused();
      else await new Promise((done) => setTimeout(done, moment.ms));
      await job.kill();
      const state = stateOf(file);
      expect(moment.expect, JSON.stringify(moment)).toContain(state);
      seen.add(state);
      expectOnlySoundBackups(folder, ['sekarang', 'cadangan']);
    }
    expect(seen).toEqual(new Set(['sekarang', 'cadangan']));
  }, 180_000);
});
