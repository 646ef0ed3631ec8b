import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../main/web';

let web: Awaited<ReturnType<typeof startWebServer>>;

/** A raw request, so the path reaches the server exactly as written (no client-side normalising). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method, headers: { Host: `127.0.0.1:${web.port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-web-'));
  mkdirSync(join(dir, 'dist-web'));
  writeFileSync(join(dir, 'dist-web', 'index.html'), '<!doctype html><title>Graduasi PKH</title>');
  mkdirSync(join(dir, 'dist-web-rahasia'));
  writeFileSync(join(dir, 'dist-web-rahasia', 'rahasia.txt'), 'jangan dibaca');
  web = await startWebServer({ dbFile: join(dir, 'web.db'), port: 0, staticDir: join(dir, 'dist-web') });
});
afterAll(() => web.close());

describe('browser mode server', () => {
  it('serves the renderer and nothing beside it', async () => {
    expect((await get('/')).body).toContain('Graduasi PKH');
    const sibling = await get('/..%2Fdist-web-rahasia%2Frahasia.txt');
    expect(sibling.status).toBe(404);
    expect(sibling.body).not.toContain('jangan dibaca');
  });

  it('answers the contract only with the token of this start and the right Host', async () => {
    const call = JSON.stringify({});
    const json = { 'Content-Type': 'application/json' };
    const path = '/api/call/setup.status';
    expect((await get(path, json, 'POST', call)).status).toBe(401);
    expect((await get(path, { ...json, 'X-Graduasi-Token': 'x'.repeat(web.token.length) }, 'POST', call)).status).toBe(
      401,
    );
    const ok = await get(path, { ...json, 'X-Graduasi-Token': web.token }, 'POST', call);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { done: false } });
    const rebinding = await get(
      path,
      { ...json, 'X-Graduasi-Token': web.token, Host: 'evil.example:80' },
      'POST',
      call,
    );
    expect(rebinding.status).toBe(403);
  });

  it('counts failed logins against the address they come from', async () => {
    const call = JSON.stringify({ username: 'tebakan', password: 'salah-123' });
    const failed = await get(
      '/api/call/auth.login',
      { 'Content-Type': 'application/json', 'X-Graduasi-Token': web.token },
      'POST',
      call,
    );
    expect(JSON.parse(failed.body)).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    const keys = web.db.$client.prepare('SELECT key FROM login_throttle ORDER BY key').all();
    expect(keys).toEqual([{ key: 'source:127.0.0.1' }, { key: 'user:tebakan' }]);
  });
});
