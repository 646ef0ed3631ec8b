/**
 * SQL lives in db/ (db/queries per domain, db/schema, db/migrations): the services call named queries, so a second
 * SQL dialect is a bounded job. This test reads every source file under main/ and fails on SQL there: prepare(),
 * Drizzle's sql`` templates, .exec() of SQL text, and SQL statements written as strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** What counts as SQL in a line of TypeScript; regular expressions' own .exec() does not. */
const SQL_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'prepare()', pattern: /\.prepare\s*\(/ },
  { name: 'sql`` template', pattern: /\bsql\s*(<[^>]*>)?\s*`/ },
  { name: '.exec() of SQL text', pattern: /\.exec\s*\(\s*[`'"]/ },
  { name: 'SELECT', pattern: /\bSELECT\b[^`'"]*\bFROM\b|[`'"(]\s*SELECT\s/ },
  { name: 'INSERT INTO', pattern: /\bINSERT\s+(OR\s+\w+\s+)?INTO\b/ },
  { name: 'UPDATE ... SET', pattern: /\bUPDATE\s+[\w`"]+\s+SET\b/ },
  { name: 'DELETE FROM', pattern: /\bDELETE\s+FROM\b/ },
  { name: 'WHERE/JOIN/GROUP BY clause', pattern: /\b(WHERE|LEFT JOIN|GROUP BY|ORDER BY|COLLATE NOCASE|NOT EXISTS)\b/ },
];

/** The SQL found in one file's text, as "line N: kind". */
function sqlIn(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { name, pattern } of SQL_PATTERNS) {
      if (pattern.test(line)) {
        found.push(`line ${i + 1}: ${name}`);
        break;
      }
    }
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path).replaceAll('\\', '/')] : [];
  });
}

describe('SQL only in db/', () => {
  it('finds each kind of SQL in a sample, and not a regular expression or prose', () => {
    const samples = [
      "db.$client.prepare('SELECT 1').get()",
      'const q = sql`lower(nama) COLLATE NOCASE`;',
      'const q = sql<string>`coalesce(a, b)`;',
      "target.exec('PRAGMA foreign_keys = OFF')",
      "const text = 'SELECT id FROM kpm';",
      '  `SELECT k.id, k.nama',
      "const q = 'SELECT count(*) AS n';",
      "'INSERT INTO kpm (nama) VALUES (?)'",
      "'INSERT OR IGNORE INTO audit (x) VALUES (?)'",
      "'UPDATE kpm SET status = ? WHERE id = ?'",
      '`DELETE FROM audit_log`',
      "const where = ' WHERE k.status = ?';",
      'base: "aw.stage <> \'dibatalkan\' AND NOT EXISTS (x)"',
    ];
    for (const sample of samples) expect(sqlIn(sample), sample).toHaveLength(1);
    const clean = [
      'const m = YMD.exec(text);',
      'const other = /\\D/u.exec(value);',
      '// select a file, then update the list',
      "label: 'Pilih berkas untuk diperbarui'",
      'db.select().from(kpm).where(eq(kpm.id, id)).all()',
    ];
    for (const sample of clean) expect(sqlIn(sample), sample).toEqual([]);
  });

  it('has no SQL in main/', () => {
    const offenders = sourceFiles(join(ROOT, 'main')).flatMap((file) =>
      sqlIn(readFileSync(join(ROOT, file), 'utf8')).map((where) => `${file} ${where}`),
    );
    expect(offenders).toEqual([]);
  });
});
