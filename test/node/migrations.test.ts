import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../db/open';
import pinned from './migrations.pinned.json';

/**
 * Released migrations are never edited: an office database that already ran 0001 never runs it again, so an
 * edit makes that office's schema differ from every new install (0001 was edited once after it was
 * committed). Every migration's sha256 is pinned in migrations.pinned.json; the lead pins new ones at merge.
 */
const PIN_FILE = 'test/node/migrations.pinned.json';

/** Line endings normalised: a Windows checkout with autocrlf is the same migration. */
function sha256(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

/** Every way the migrations folder disagrees with the pins, as messages for the author. */
function pinProblems(folder: string, pins: Record<string, string>): string[] {
  const problems: string[] = [];
  const files = readdirSync(folder).filter((f) => f.endsWith('.sql'));
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const journalFiles = journal.entries.map((e) => `${e.tag}.sql`);

  for (const file of journalFiles) {
    if (!existsSync(join(folder, file))) problems.push(`${file} is in meta/_journal.json but its file is missing.`);
  }
  for (const file of files) {
    if (!journalFiles.includes(file))
      problems.push(`${file} is not in meta/_journal.json: drizzle would never run it.`);
  }
  for (const [file, hash] of Object.entries(pins)) {
    if (!existsSync(join(folder, file))) {
      problems.push(`${file} was released and is gone: never remove a released migration, add a new one.`);
    } else if (sha256(join(folder, file)) !== hash) {
      problems.push(
        `${file} was edited after its release: never edit a released migration, add a new one ` +
          `(npm run db:generate). Restore it with git checkout.`,
      );
    }
  }
  for (const file of new Set([...files, ...journalFiles])) {
    if (!(file in pins) && existsSync(join(folder, file))) {
      problems.push(
        `${file} is not pinned yet: once it is released, add "${file}": "${sha256(join(folder, file))}" ` +
          `to ${PIN_FILE}.`,
      );
    }
  }
  return problems;
}

describe('released migrations', () => {
  it('are exactly the pinned files, unedited, each in the journal', () => {
    expect(pinProblems(DEFAULT_MIGRATIONS_FOLDER, pinned)).toEqual([]);
    expect(Object.keys(pinned).length).toBeGreaterThanOrEqual(8);
  });

  it('an edited, a removed and an unpinned migration each fail with what to do', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'graduasi-pins-')), 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    appendFileSync(join(folder, '0001_kpm_search.sql'), '\n-- a late fix\n');
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries.push({ ...journal.entries[0], tag: '9999_new_table' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_new_table.sql'), 'CREATE TABLE t (id integer);\n');
    const pins = { ...pinned, '0000_gone.sql': 'a'.repeat(64) };

    const problems = pinProblems(folder, pins);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual(
      expect.stringMatching(/^0001_kpm_search\.sql was edited .*never edit a released migration, add a new one/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^0000_gone\.sql was released and is gone/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^9999_new_table\.sql is not pinned yet: .*add "9999_new_table\.sql": "[0-9a-f]{64}"/),
    );
  });

  it('a migration file outside the journal and a journal entry without its file are named', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'graduasi-pins-')), 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    writeFileSync(join(folder, '0008_stray.sql'), 'SELECT 1;\n');
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries.push({ ...journal.entries[0], tag: '0009_lost' });
    writeFileSync(journalFile, JSON.stringify(journal));

    const problems = pinProblems(folder, { ...pinned, '0008_stray.sql': sha256(join(folder, '0008_stray.sql')) });
    expect(problems).toEqual([
      '0009_lost.sql is in meta/_journal.json but its file is missing.',
      '0008_stray.sql is not in meta/_journal.json: drizzle would never run it.',
    ]);
  });
});
