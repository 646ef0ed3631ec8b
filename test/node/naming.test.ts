/**
 * Names and comments a newcomer can read alone (DESIGN.md "Naming"): a comment states its rule or its reason,
 * not a number in a tracker the reader does not have; a name says what it stands for, not one letter of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** Migrations are left out: their SQL is pinned by hash (migrations.pinned.json) and never edited. */
const SKIPPED = new Set(['node_modules', 'migrations']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|md)$/.test(entry.name) ? [path] : [];
  });
}

const FILES = ['main', 'renderer', 'db', 'test'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

/** Every line of every source file matching `pattern`, as "path:line: text". */
function linesMatching(pattern: RegExp): string[] {
  return FILES.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('names that explain themselves', () => {
  it('finds the source files it checks', () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(FILES.some((file) => file.endsWith('main/services/import/xlsx-reader.ts'))).toBe(true);
  });

  it('has no comment or test title that points to a tracker issue instead of stating the rule', () => {
    expect(linesMatching(/\b(issue|point)s? \d/i)).toEqual([]);
  });

  it('imports under the real name, not a one- or two-letter alias', () => {
    expect(linesMatching(/^\s*import\b.*\bas [A-Z]{1,2}\b(?![\w.])/)).toEqual([]);
    expect(linesMatching(/^\s*(type )?\w+ as [A-Z]{1,2},?$/)).toEqual([]);
    expect(linesMatching(/^\s*(export )?const [A-Z] = /)).toEqual([]);
  });
});
