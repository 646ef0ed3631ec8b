/**
 * The import boundaries of DESIGN.md are rules in biome.json (and the GritQL plugin in biome/); this runs
 * Biome with the repo's own configuration over small fixture files in a temporary folder, so a rule that is
 * weakened or dropped (or one that starts refusing allowed imports) fails here, not months later.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIOME = join(ROOT, 'node_modules/@biomejs/biome/bin/biome');

type Rule = 'noRestrictedImports' | 'noNodejsModules' | 'plugin';
const CATEGORY: Record<Rule, string> = {
  noRestrictedImports: 'lint/style/noRestrictedImports',
  noNodejsModules: 'lint/correctness/noNodejsModules',
  plugin: 'plugin',
};

/** One import per fixture file, so each verdict belongs to one statement. null: the import is allowed. */
const CASES: { file: string; code: string; refusedBy: Rule | null }[] = [
  // The renderer: nothing from main/services, db/ or Node; main/api with `import type` only.
  {
    file: 'renderer/features/a/service-type.ts',
    code: "import type { PublicUser } from '../../../main/services/auth';\nexport type T = PublicUser;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/service-value.ts',
    code: "import { searchKpm } from '../../../main/services/kpm-search';\nexport const v = searchKpm;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/service-reexport.ts',
    code: "export { listUsers } from '../../../main/services/auth';",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/service-dynamic.ts',
    code: "export const v = () => import('../../../main/services/kpm');",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/db-schema-type.ts',
    code: "import type { Kpm } from '../../../db/schema';\nexport type T = Kpm;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/db-open.ts',
    code: "import { openDb } from '../../../db/open';\nexport const v = openDb;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/root-db.ts',
    code: "import { kpm } from '../db/schema/kpm';\nexport const v = kpm;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/main-other.ts',
    code: "import { dataDir } from '../../../main/paths';\nexport const v = dataDir;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/node-fs.ts',
    code: "import { readFile } from 'node:fs/promises';\nexport const v = readFile;",
    refusedBy: 'noNodejsModules',
  },
  {
    file: 'renderer/features/a/node-path.ts',
    code: "import { join } from 'node:path';\nexport const v = join;",
    refusedBy: 'noNodejsModules',
  },
  {
    file: 'renderer/features/a/bare-crypto.ts',
    code: "import crypto from 'crypto';\nexport const v = crypto;",
    refusedBy: 'noNodejsModules',
  },
  {
    file: 'renderer/features/a/electron.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const v = ipcRenderer;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'renderer/features/a/api-value.ts',
    code: "import { contract } from '../../../main/api/contract';\nexport const v = contract;",
    refusedBy: 'plugin',
  },
  {
    file: 'renderer/features/a/api-inline-type.ts',
    code: "import { type OutputOf } from '../../../main/api/contract';\nexport type T = OutputOf<'kpm.get'>;",
    refusedBy: 'plugin',
  },
  {
    file: 'renderer/features/a/api-namespace.ts',
    code: "import * as api from '../../../main/api/kpm.contract';\nexport const v = api;",
    refusedBy: 'plugin',
  },
  { file: 'renderer/features/a/api-side-effect.ts', code: "import '../../../main/api/handlers';", refusedBy: 'plugin' },
  {
    file: 'renderer/features/a/api-reexport.ts',
    code: "export { kpmContract } from '../../../main/api/kpm.contract';",
    refusedBy: 'plugin',
  },
  {
    file: 'renderer/api-dynamic.ts',
    code: "export const v = () => import('../main/api/contract');",
    refusedBy: 'plugin',
  },
  {
    file: 'renderer/features/a/api-type.ts',
    code: "import type { OutputOf } from '../../../main/api/contract';\nexport type T = OutputOf<'kpm.get'>;",
    refusedBy: null,
  },
  {
    file: 'renderer/features/a/api-type-reexport.ts',
    code: "export type { FieldWarning } from '../../../main/api/kpm.contract';",
    refusedBy: null,
  },
  {
    file: 'renderer/features/a/domain.ts',
    code: "import { STATUS_LABEL } from '../../../main/domain/enums';\nexport const v = STATUS_LABEL;",
    refusedBy: null,
  },
  { file: 'renderer/features/a/library.ts', code: "import { z } from 'zod';\nexport const v = z;", refusedBy: null },
  // main/domain is the floor.
  {
    file: 'main/domain/db.ts',
    code: "import { kpm } from '../../db/schema';\nexport const v = kpm;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/domain/db-type.ts',
    code: "import type { Db } from '../../db/open';\nexport type T = Db;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/domain/services.ts',
    code: "import { WRITE_ROLES } from '../services/actor';\nexport const v = WRITE_ROLES;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/domain/api.ts',
    code: "import type { MethodName } from '../api/contract';\nexport type T = MethodName;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/domain/electron.ts',
    code: "import { app } from 'electron';\nexport const v = app;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/domain/sibling.ts',
    code: "import { HUBUNGAN } from './enums';\nexport const v = HUBUNGAN;",
    refusedBy: null,
  },
  // main/documents lays out a PrintedDocument: main/domain only.
  {
    file: 'main/documents/db.ts',
    code: "import { documents } from '../../db/schema';\nexport const v = documents;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/documents/services.ts',
    code: "import { signCode } from '../services/documents/keys';\nexport const v = signCode;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/documents/domain.ts',
    code: "import { formatTanggal } from '../domain/format';\nexport const v = formatTanggal;",
    refusedBy: null,
  },
  // Electron only in the shell.
  {
    file: 'main/services/electron.ts',
    code: "import { app } from 'electron';\nexport const v = app;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/api/electron-sub.ts',
    code: "import { BrowserWindow } from 'electron/main';\nexport const v = BrowserWindow;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'main/web.ts',
    code: "import { app } from 'electron';\nexport const v = app;",
    refusedBy: 'noRestrictedImports',
  },
  {
    file: 'db/electron.ts',
    code: "import { app } from 'electron';\nexport const v = app;",
    refusedBy: 'noRestrictedImports',
  },
  { file: 'main/index.ts', code: "import { app } from 'electron';\nexport const v = app;", refusedBy: null },
  {
    file: 'main/preload.ts',
    code: "import { contextBridge } from 'electron';\nexport const v = contextBridge;",
    refusedBy: null,
  },
  // Main code may use main/domain, db and Node.
  {
    file: 'db/schema/uses-domain.ts',
    code: "import { KPM_STATUS } from '../../main/domain/enums';\nexport const v = KPM_STATUS;",
    refusedBy: null,
  },
  {
    file: 'main/services/uses-db.ts',
    code: "import { kpm } from '../../db/schema';\nexport const v = kpm;",
    refusedBy: null,
  },
];

let dir: string;
/** file -> categories of the error diagnostics Biome reported there. */
let errors: Map<string, string[]>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  cpSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  cpSync(join(ROOT, 'biome'), join(dir, 'biome'), { recursive: true });
  for (const c of CASES) {
    mkdirSync(dirname(join(dir, c.file)), { recursive: true });
    writeFileSync(join(dir, c.file), `${c.code}\n`);
  }
  const run = spawnSync(
    process.execPath,
    [BIOME, 'lint', '--reporter=json', '--max-diagnostics=none', '--colors=off', ...CASES.map((c) => c.file)],
    { cwd: dir, encoding: 'utf8' },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`Biome gave no report: ${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start)) as {
    diagnostics: { severity: string; category: string; location: { path: string | null } }[];
  };
  errors = new Map();
  for (const d of report.diagnostics) {
    if (d.severity !== 'error' || !d.location.path) continue;
    const path = d.location.path.replaceAll('\\', '/');
    errors.set(path, [...(errors.get(path) ?? []), d.category]);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import boundaries enforced by biome.json', () => {
  it.each(CASES.filter((c) => c.refusedBy))('refuses $file', ({ file, refusedBy }) => {
    expect(errors.get(file) ?? []).toContain(CATEGORY[refusedBy as Rule]);
  });

  it.each(CASES.filter((c) => !c.refusedBy))('allows $file', ({ file }) => {
    expect(errors.get(file) ?? []).toEqual([]);
  });
});
