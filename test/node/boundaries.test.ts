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

type Rule = 'noRestrictedImports' | 'noNodejsModules' | 'noCommonJs' | 'plugin';
const CATEGORY: Record<Rule, string> = {
  noRestrictedImports: 'lint/style/noRestrictedImports',
  noNodejsModules: 'lint/correctness/noNodejsModules',
  noCommonJs: 'lint/style/noCommonJs',
  plugin: 'plugin',
};

/**
 * One import per fixture file, so each verdict belongs to one statement. null: the import is allowed. `says`: a
 * part of the message the refusal must carry, where one rule holds several messages (which boundary fired).
 */
const CASES: { file: string; code: string; refusedBy: Rule | null; says?: string }[] = [
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
  }, // main/domain is shared with the renderer: no Node, no PDF layout, no app instance.
  {
    file: 'main/domain/node-fs.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const v = readFileSync;",
    refusedBy: 'noNodejsModules',
  },
  {
    file: 'main/domain/bare-crypto.ts',
    code: "import { createHash } from 'crypto';\nexport const v = createHash;",
    refusedBy: 'noNodejsModules',
  },
  {
    file: 'main/domain/pdfmake.ts',
    code: "import pdfmake from 'pdfmake';\nexport const v = pdfmake;",
    refusedBy: 'noRestrictedImports',
    says: 'lays out no PDF',
  },
  {
    file: 'main/domain/pdfmake-type.ts',
    code: "import type { Content } from 'pdfmake/interfaces';\nexport type T = Content;",
    refusedBy: 'noRestrictedImports',
    says: 'lays out no PDF',
  },
  {
    file: 'main/domain/documents-render.ts',
    code: "import { renderDocuments } from '../documents/render';\nexport const v = renderDocuments;",
    refusedBy: 'noRestrictedImports',
    says: 'lays out no PDF',
  },
  {
    file: 'main/domain/documents-dynamic.ts',
    code: "export const v = () => import('../documents/kop');",
    refusedBy: 'noRestrictedImports',
    says: 'lays out no PDF',
  },
  {
    file: 'main/domain/documents-from-root.ts',
    code: "import { FONT } from '../../main/documents/fonts';\nexport const v = FONT;",
    refusedBy: 'noRestrictedImports',
    says: 'lays out no PDF',
  },
  {
    file: 'main/domain/app-database.ts',
    code: "import type { AppDatabase } from '../app-database';\nexport type T = AppDatabase;",
    refusedBy: 'noRestrictedImports',
    says: 'no app-database',
  },
  {
    file: 'main/domain/sibling-documents.ts',
    code: "import { DOCUMENT_KINDS } from './documents';\nexport const v = DOCUMENT_KINDS;",
    refusedBy: null,
  },
  { file: 'main/domain/library.ts', code: "import { z } from 'zod';\nexport const v = z;", refusedBy: null },
  // Services take what they need as parameters and are called by the contract.
  {
    file: 'main/services/exports/contract-type.ts',
    code: "import type { ExportTemplateView } from '../../api/exports.contract';\nexport type T = ExportTemplateView;",
    refusedBy: 'noRestrictedImports',
    says: 'imports no main/api',
  },
  {
    file: 'main/services/contract-value.ts',
    code: "import { contract } from '../api/contract';\nexport const v = contract;",
    refusedBy: 'noRestrictedImports',
    says: 'imports no main/api',
  },
  {
    file: 'main/services/app-database.ts',
    code: "import { openAppDatabase } from '../app-database';\nexport const v = openAppDatabase;",
    refusedBy: 'noRestrictedImports',
    says: 'imports no app-database',
  },
  {
    file: 'main/services/uses-domain.ts',
    code: "import { ROLES } from '../domain/enums';\nexport const v = ROLES;",
    refusedBy: null,
  },
  // db/schema describes tables: from main only main/domain.
  {
    file: 'db/schema/service.ts',
    code: "import { WRITE_ROLES } from '../../main/services/actor';\nexport const v = WRITE_ROLES;",
    refusedBy: 'noRestrictedImports',
    says: 'only main/domain',
  },
  {
    file: 'db/schema/service-type.ts',
    code: "import type { PublicUser } from '../../main/services/auth';\nexport type T = PublicUser;",
    refusedBy: 'noRestrictedImports',
    says: 'only main/domain',
  },
  {
    file: 'db/schema/contract.ts',
    code: "import type { MethodName } from '../../main/api/contract';\nexport type T = MethodName;",
    refusedBy: 'noRestrictedImports',
    says: 'only main/domain',
  },
  {
    file: 'db/schema/sibling.ts',
    code: "import { kpm } from './kpm';\nexport const v = kpm;",
    refusedBy: null,
  },
  // A path climbs only at its start: a `..` after a folder name would hide the folder it reaches.
  {
    file: 'renderer/features/a/dotdot-service.ts',
    code: "import { searchKpm } from '../../../main/domain/../services/kpm-search';\nexport const v = searchKpm;",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'renderer/features/a/dotdot-type.ts',
    code: "import type { Db } from '../../../main/domain/../../db/open';\nexport type T = Db;",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'main/domain/dotdot-export.ts',
    code: "export * from './x/../../services/actor';",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'main/services/dotdot-dynamic.ts',
    code: "export const v = () => import('../services/../app-database');",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'db/schema/dot.ts',
    code: "import { kpm } from '../schema/./kpm';\nexport const v = kpm;",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'test/node/dotdot.test.ts',
    code: "import { kpm } from '../../db/schema/../open';\nexport const v = kpm;",
    refusedBy: 'plugin',
    says: 'climbs with `..` only at its start',
  },
  {
    file: 'renderer/features/a/deep-climb.ts',
    code: "import { STATUS_LABEL } from '../../../main/domain/enums';\nexport const v = STATUS_LABEL;",
    refusedBy: null,
  },
  {
    file: 'main/services/dotted-names.ts',
    code: "import { kpmContract } from '../api..v2/.well-known/x.y';\nexport const v = kpmContract;",
    refusedBy: null,
  },
  // App code loads modules with `import`; tests and config may still use require().
  {
    file: 'main/services/require.ts',
    code: "const fs = require('node:fs');\nexport const v = fs;",
    refusedBy: 'noCommonJs',
  },
  {
    file: 'renderer/features/a/require.ts',
    code: "const z = require('zod');\nexport const v = z;",
    refusedBy: 'noCommonJs',
  },
  {
    file: 'db/require.ts',
    code: "const schema = require('./schema');\nexport const v = schema;",
    refusedBy: 'noCommonJs',
  },
  { file: 'main/domain/module-exports.ts', code: 'module.exports = { v: 1 };', refusedBy: 'noCommonJs' },
  {
    file: 'main/documents/create-require.ts',
    code: "import { createRequire } from 'node:module';\nexport const v = createRequire(import.meta.url)('pdfmake');",
    refusedBy: 'noRestrictedImports',
    says: 'never with require()',
  },
  {
    file: 'main/create-require.ts',
    code: "import { createRequire } from 'module';\nexport const v = createRequire;",
    refusedBy: 'noRestrictedImports',
    says: 'never with require()',
  },
  {
    file: 'main/services/module-namespace.ts',
    code: "import * as nodeModule from 'node:module';\nexport const v = nodeModule.createRequire(import.meta.url);",
    refusedBy: 'noRestrictedImports',
    says: 'never with require()',
  },
  {
    file: 'db/module-dynamic.ts',
    code: "export const v = () => import('node:module');",
    refusedBy: 'noRestrictedImports',
    says: 'never with require()',
  },
  {
    file: 'test/node/require.test.ts',
    code: "const fs = require('node:fs');\nexport const v = fs;",
    refusedBy: null,
  },
];

let dir: string;
/** file -> the error diagnostics Biome reported there. */
let errors: Map<string, { category: string; message: string }[]>;

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
    diagnostics: { severity: string; category: string; message: string; location: { path: string | null } }[];
  };
  errors = new Map();
  for (const d of report.diagnostics) {
    if (d.severity !== 'error' || !d.location.path) continue;
    const path = d.location.path.replaceAll('\\', '/');
    errors.set(path, [...(errors.get(path) ?? []), { category: d.category, message: d.message }]);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import boundaries enforced by biome.json', () => {
  it.each(CASES.filter((c) => c.refusedBy))('refuses $file', ({ file, refusedBy, says }) => {
    const found = errors.get(file) ?? [];
    expect(found.map((e) => e.category)).toContain(CATEGORY[refusedBy as Rule]);
    if (says) {
      const messages = found.filter((e) => e.category === CATEGORY[refusedBy as Rule]).map((e) => e.message);
      expect(messages.join('\n')).toContain(says);
    }
  });

  it.each(CASES.filter((c) => !c.refusedBy))('allows $file', ({ file }) => {
    expect(errors.get(file) ?? []).toEqual([]);
  });
});
