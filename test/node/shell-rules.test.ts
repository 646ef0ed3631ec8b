/** The desktop shell's URL rules, tested without Electron (main/shell-rules.ts). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../main/renderer-files';
import { APP_ENTRY_URL, appRequestFile, isAllowedExternalUrl, isAppUrl } from '../../main/shell-rules';

describe("the app's own page", () => {
  it.each([APP_ENTRY_URL, 'app://graduasi/index.html#/kpm/12', 'app://GRADUASI/index.html#/'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    // What the old rule let through: any file:// page ending in renderer/index.html.
    'file:///C:/Users/staf/Downloads/renderer/index.html',
    'file:///tmp/evil/renderer/index.html',
    'app://graduasi/',
    'app://graduasi/other.html',
    'app://graduasi/index.html?x=1',
    'app://graduasi.evil/index.html',
    'app://evil/index.html',
    'app://graduasi@evil/index.html',
    'app://user:pw@graduasi/index.html',
    'app://graduasi:8080/index.html',
    'https://graduasi/index.html',
    'http://localhost:5173/',
    'bukan url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('in development, the dev server root only (same scheme, host and port)', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/kpm', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/@fs/etc/passwd', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil:5173/', dev)).toBe(false);
    expect(isAppUrl(APP_ENTRY_URL, dev)).toBe(false);
  });
});

describe('files served over app://', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-shell-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  mkdirSync(join(dir, 'renderer-rahasia'));

  it('serves the renderer folder, index.html at the root', () => {
    expect(appRequestFile(root, 'app://graduasi/')).toBe(join(root, 'index.html'));
    expect(appRequestFile(root, 'app://graduasi/index.html')).toBe(join(root, 'index.html'));
    expect(appRequestFile(root, 'app://graduasi/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
  });

  it('resolves dot segments of the URL itself inside the folder', () => {
    for (const url of ['app://graduasi/../main/index.js', 'app://graduasi/%2E%2E/main/index.js']) {
      expect(appRequestFile(root, url)).toBe(join(root, 'main', 'index.js'));
    }
  });

  it.each([
    'app://graduasi/assets/..%2F..%2Fmain%2Findex.js',
    'app://graduasi/..%2Frenderer-rahasia%2Fkunci.txt',
    'app://graduasi/%E0%A4%A',
    'app://graduasi/index.html%00.js',
    'app://lain/index.html',
    'app://graduasi@lain/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(appRequestFile(root, url)).toBeNull();
  });

  it('answers with the content type of the file and the CSP of browser mode', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('font.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('data.bin')).toBe('application/octet-stream');
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'; script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('links opened in the user’s browser', () => {
  it.each([
    'https://opendatacommons.org/licenses/odbl/1-0/',
    'https://github.com/fityannugroho/idn-area-data',
    'https://kemensos.go.id/',
    'https://www.kemensos.go.id/program-keluarga-harapan',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://kemensos.go.id/',
    'https://kemensos.go.id.evil.example/',
    'https://evil.example/?u=https://kemensos.go.id/',
    'https://kemensos.go.id@evil.example/',
    'https://kemensos.go.id:8443/',
    'https://opendatacommons.org/',
    'https://github.com/evil/repo',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'app://graduasi/index.html',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
