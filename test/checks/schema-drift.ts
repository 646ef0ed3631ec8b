/**
 * Fails when db/schema and db/migrations disagree: a schema change without its migration would pass every
 * test (the tests run the migrations, not the schema) and break the first office that updates.
 *
 * `drizzle-kit check` only checks that the committed snapshots are consistent with each other, so this runs
 * `drizzle-kit generate` into a scratch copy of the migrations and fails if it writes anything.
 *   npm run check:db
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// drizzle-kit prefixes --out with './', so the scratch copy must live under the project (.tmp is ignored).
const SCRATCH = join('.tmp', `schema-drift-${process.pid}`);
const OUT = join(SCRATCH, 'migrations');

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql'));
}

function main(): number {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  cpSync('db/migrations', OUT, { recursive: true });
  try {
    const before = new Set(sqlFiles(OUT));
    const run = spawnSync(
      'npx',
      [
        'drizzle-kit',
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        './db/schema/index.ts',
        '--casing',
        'snake_case',
        '--out',
        OUT,
      ],
      // No stdin: a rename question (a dropped and an added column) cannot be answered here and counts as drift.
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    const added = sqlFiles(OUT).filter((f) => !before.has(f));
    // drizzle-kit exits 0 even when it fails (e.g. on a rename question without a terminal), so only its own
    // "nothing to migrate" counts as agreement.
    const inSync = run.status === 0 && !run.error && /No schema changes/.test(run.stdout);
    if (added.length === 0 && !inSync) {
      console.error(`drizzle-kit generate did not finish (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
      console.error(
        'db/schema has probably changed (e.g. a renamed column): run `npm run db:generate`, answer its questions and commit the migration.',
      );
      return 1;
    }
    if (added.length > 0) {
      console.error('db/schema differs from db/migrations: a schema change has no migration.');
      for (const file of added)
        console.error(`--- the missing migration (${file}) ---\n${readFileSync(join(OUT, file), 'utf8')}`);
      console.error('Run `npm run db:generate` and commit the new migration.');
      return 1;
    }
    console.log('db/schema and db/migrations agree.');
    return 0;
  } finally {
    rmSync(SCRATCH, { recursive: true, force: true });
  }
}

process.exitCode = main();
