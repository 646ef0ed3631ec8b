/**
 * A smoke test of the built desktop app (out/), where packaged apps usually break: the Electron binary cannot
 * run here, so the bundle starts under a stand-in for the `electron` module (test/support/electron-stand-in)
 * and must make its window, answer every contract method over IPC, serve the renderer through app:// and
 * render a letter in the long-jobs worker from the built files; after quitting, the process ends by itself.
 * `npm test` builds before vitest runs; a missing or stale out/ is built here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { contract } from '../../main/api/contract';
import { ADMIN, setUpTestOffice } from '../support/office';

const root = resolve(__dirname, '../..');
const bundle = join(root, 'out/main/index.js');
const dir = mkdtempSync(join(tmpdir(), 'desktop-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const built = [bundle, join(root, 'out/main/long-jobs-pdf.js'), join(root, 'out/renderer/index.html')];
  const stale =
    built.some((file) => !existsSync(file)) ||
    Math.max(newestSource(join(root, 'main')), newestSource(join(root, 'renderer'))) > statSync(bundle).mtimeMs;
  if (stale) execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
}

interface Smoke {
  window: { webPreferences: Record<string, unknown>; url: string };
  preloadExists: boolean;
  privileged: string[];
  index: { status: number; csp: string | null; script?: string };
  script: number | null;
  outside: number;
  methods: Record<string, string>;
  unknown: string;
  stranger: string;
  login: boolean;
  letter: { pages: number; head: string };
}

let smoke: Smoke;
let exit: { code: number | null; ms: number; stderr: string };

beforeAll(async () => {
  ensureBuilt();
  const databaseFile = join(dir, 'graduasi.db');
  const db = openDatabase(databaseFile);
  await setUpTestOffice(db);
  db.$client.close();
  const methods = join(dir, 'methods.json');
  writeFileSync(methods, JSON.stringify(Object.keys(contract)));
  const child = spawn(
    process.execPath,
    ['--import', join(root, 'test/support/electron-stand-in/register.mjs'), bundle],
    {
      cwd: dir,
      env: {
        ...process.env,
        GRADUASI_DB: databaseFile,
        SMOKE_USER_DATA: join(dir, 'userData'),
        SMOKE_APP_PATH: root,
        SMOKE_METHODS: methods,
        SMOKE_LOGIN: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let quitAt = 0;
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', () => {
      if (!quitAt && stdout.includes('SMOKE ')) quitAt = performance.now();
    });
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      done(exitCode);
    });
  });
  exit = { code, ms: quitAt ? performance.now() - quitAt : Number.POSITIVE_INFINITY, stderr };
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the desktop bundle printed no result (exit ${code}):\n${stdout}\n${stderr}`);
  smoke = JSON.parse(line.slice('SMOKE '.length)) as Smoke;
}, 240_000);

describe('the built desktop bundle', () => {
  it('makes its window with the preload, sandboxed and isolated, on app://', () => {
    expect(smoke.window.url).toBe('app://graduasi/index.html');
    expect(smoke.window.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(smoke.preloadExists).toBe(true);
    expect(smoke.privileged).toEqual(['app']);
  });

  it('serves the renderer through app:// with its CSP, and nothing outside it', () => {
    expect(smoke.index.status).toBe(200);
    expect(smoke.index.csp).toContain("default-src 'self'");
    expect(smoke.index.script).toMatch(/^assets\/index-.*\.js$/);
    expect(smoke.script).toBe(200);
    expect(smoke.outside).toBe(404);
  });

  it('answers every contract method over IPC, and refuses an unknown method and a stranger frame', () => {
    expect(Object.keys(smoke.methods).sort()).toEqual(Object.keys(contract).sort());
    const broken = Object.entries(smoke.methods).filter(([, code]) => code === 'UNKNOWN_METHOD' || code === 'INTERNAL');
    expect(broken).toEqual([]);
    expect(smoke.unknown).toBe('UNKNOWN_METHOD');
    expect(smoke.stranger).toBe('FORBIDDEN');
  });

  it('renders a letter in the long-jobs worker from the built files', () => {
    expect(smoke.login).toBe(true);
    expect(smoke.letter).toEqual({ pages: 1, head: '%PDF-' });
  });

  it('ends by itself after quitting: the database and the worker threads close with the app', () => {
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.ms).toBeLessThan(30_000);
  });
});
