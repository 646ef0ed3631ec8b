/**
 * The TypeScript projects keep each side to its own platform: main and db see Node's types and no DOM,
 * main/domain (shared with the renderer) sees neither, the renderer sees the DOM and no Node, also through the
 * declarations of main it reads its output types from. This typechecks small probe files with each project's
 * own settings (a generated tsconfig extending it, with its references), so a setting that lets `window` into
 * main or `process` into the renderer fails here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** Inside the tree (the projects' typeRoots and references are relative to it), ignored by git and Biome. */
const DIR = join(ROOT, '.tmp', `type-boundaries-${process.pid}`);

type Project = 'main' | 'domain' | 'renderer';

/** `refused`: a part of the error TypeScript must report in that file; null: the file must typecheck. */
const CASES: { project: Project; file: string; code: string; refused: string | null }[] = [
  { project: 'main', file: 'window.ts', code: 'export const href = window.location.href;', refused: "'window'" },
  { project: 'main', file: 'document.ts', code: 'export const title = document.title;', refused: "'document'" },
  {
    project: 'main',
    file: 'node.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\nexport const pid = process.pid;",
    refused: null,
  },
  { project: 'domain', file: 'process.ts', code: 'export const pid = process.pid;', refused: "'process'" },
  { project: 'domain', file: 'window.ts', code: 'export const href = window.location.href;', refused: "'window'" },
  { project: 'domain', file: 'buffer.ts', code: "export const b = Buffer.from('x');", refused: "'Buffer'" },
  {
    project: 'domain',
    file: 'pure.ts',
    code: "import { z } from 'zod';\nexport const name = z.string().max(100);\nexport const now = new Date(0).toISOString();",
    refused: null,
  },
  { project: 'renderer', file: 'process.ts', code: 'export const mode = process.env.NODE_ENV;', refused: "'process'" },
  { project: 'renderer', file: 'buffer.ts', code: "export const b = Buffer.from('x');", refused: "'Buffer'" },
  {
    project: 'renderer',
    file: 'node-import.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
    refused: "'node:fs'",
  },
  {
    project: 'renderer',
    file: 'process-beside-contract.ts',
    code: [
      "import type { OutputOf } from '../../../main/api/contract';",
      "export type Kpm = OutputOf<'kpm.get'>;",
      'export const pid = process.pid;',
    ].join('\n'),
    refused: "'process'",
  },
  {
    project: 'renderer',
    file: 'browser.ts',
    code: [
      "import type { OutputOf } from '../../../main/api/contract';",
      "import { STATUS_LABEL } from '../../../main/domain/enums';",
      "export type Kpm = OutputOf<'kpm.get'>;",
      'export const labels = STATUS_LABEL;',
      'export const href = window.location.href;',
    ].join('\n'),
    refused: null,
  },
];

/** `<project>/<file>` -> the error lines TypeScript reported there. */
const errors = new Map<string, string[]>();

/** A leaf project with the settings and references of tsconfig.<project>.json, holding only its probe files. */
function probeConfig(project: Project): string {
  // The configs are JSON with comments: every comment stands on its own line.
  const text = readFileSync(join(ROOT, `tsconfig.${project}.json`), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const base = JSON.parse(text) as {
    references?: { path: string }[];
  };
  const dir = join(DIR, project);
  const config = {
    extends: relative(dir, join(ROOT, `tsconfig.${project}.json`)),
    compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: true, noUnusedLocals: false },
    include: CASES.filter((c) => c.project === project).map((c) => c.file),
    references: (base.references ?? []).map((r) => ({ path: relative(dir, join(ROOT, r.path)) })),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  return join(dir, 'tsconfig.json');
}

beforeAll(() => {
  for (const c of CASES) {
    mkdirSync(join(DIR, c.project), { recursive: true });
    writeFileSync(join(DIR, c.project, c.file), `${c.code}\n`);
  }
  const configs = (['main', 'domain', 'renderer'] as const).map(probeConfig);
  // -b builds the referenced projects' declarations first when they are missing or stale (a fresh clone).
  const run = spawnSync(process.execPath, [TSC, '-b', '--pretty', 'false', ...configs], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const line of run.stdout.split('\n')) {
    const match = /^(.+?)\(\d+,\d+\): error (.*)$/.exec(line);
    if (!match) continue;
    const key = relative(DIR, resolve(ROOT, match[1])).replaceAll('\\', '/');
    errors.set(key, [...(errors.get(key) ?? []), match[2]]);
  }
  const unexpected = [...errors.keys()].filter((k) => !CASES.some((c) => `${c.project}/${c.file}` === k));
  if (unexpected.length > 0) throw new Error(`TypeScript failed outside the probes:\n${run.stdout}`);
}, 600_000);

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('each TypeScript project sees only its platform', () => {
  it.each(CASES.filter((c) => c.refused))('refuses $project/$file', ({ project, file, refused }) => {
    expect((errors.get(`${project}/${file}`) ?? []).join('\n')).toContain(refused);
  });

  it.each(CASES.filter((c) => !c.refused))('allows $project/$file', ({ project, file }) => {
    expect(errors.get(`${project}/${file}`) ?? []).toEqual([]);
  });
});
