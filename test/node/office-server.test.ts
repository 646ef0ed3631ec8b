/**
 * Server mode over real HTTPS on an ephemeral port with the office certificate the app makes. A "staff PC" is
 * another loopback address (127.0.0.2, 127.0.0.3): the server sees it as a different computer, which is what
 * the per-address rules need, and it works on any Linux machine without a network.
 */
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import { AppDatabase } from '../../main/app-database';
import type { NetworkChoice } from '../../main/server/network';
import { networkDriveReason } from '../../main/server/network-drive';
import { OfficeServerControl } from '../../main/server/office-server-control';
import { serverSheet } from '../../main/server/server-sheet';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { createUser } from '../../main/services/auth';
import { type FakeClock, fakeClock } from '../support/clock';
import { ADMIN } from '../support/office';
import { pageSizes, pdfFile, pdfText, readQr, squash } from '../support/pdf';
import { setUpOffice } from './helpers';

const OPERATOR = {
  username: 'operator1',
  password: 'operator-rahasia1',
  fullName: 'Dewi Lestari',
  role: 'operator' as const,
};
// The office network of the test: the loopback's first 256 addresses; 127.0.1.x stands for a PC outside it.
const INTERFACES: NetworkChoice[] = [{ address: '127.0.0.1', cidr: '127.0.0.0/24', name: 'uji' }];
const LOCAL_DRIVES = { platform: 'linux' as const, mounts: () => '/dev/sda1 / ext4 rw 0 0\n', driveType: () => null };

let dir: string;
let database: AppDatabase;
let control: OfficeServerControl;
let clock: FakeClock;
let port: number;

beforeEach(async () => {
  const { db, file } = await setUpOffice();
  await createUser(db, SYSTEM_ACTOR, OPERATOR);
  db.$client.close();
  dir = mkdtempSync(join(tmpdir(), 'graduasi-server-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Graduasi PKH</title>');
  database = AppDatabase.open({ configDir: dir, databaseFile: file });
  clock = fakeClock(new Date('2026-11-30T08:00:00Z'));
  control = new OfficeServerControl({
    database,
    staticDir: join(dir, 'web'),
    configDir: dir,
    drives: LOCAL_DRIVES,
    interfaces: () => INTERFACES,
    hostname: 'Server-Kantor',
  });
  const dispatcher = createDispatcher(database, () => {}, { officeServer: control, clock });
  control.attach(dispatcher);
  port = (await control.start(SYSTEM_ACTOR, { address: '127.0.0.1', port: 0 })).port;
});
afterEach(async () => {
  await control.close();
  await database.shutdown();
});

interface Answer {
  status: number;
  body: string;
}

/** One HTTPS request from `from` (a loopback address standing for a staff PC); the certificate is the office's own. */
function call(path: string, options: { from?: string; host?: string; session?: string; body?: unknown } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.body === undefined ? 'GET' : 'POST',
        localAddress: options.from ?? '127.0.0.2',
        // A fresh connection per request: each comes from the PC named in `from`.
        agent: false,
        rejectUnauthorized: false,
        headers: {
          Host: options.host ?? `127.0.0.1:${port}`,
          'Content-Type': 'application/json',
          ...(options.session ? { 'X-Graduasi-Session': options.session } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

async function api<T>(method: string, body: unknown, options: { from?: string; session?: string } = {}) {
  const answer = await call(`/api/call/${method}`, { ...options, body });
  return JSON.parse(answer.body) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

async function logIn(username: string, password: string, from = '127.0.0.2'): Promise<string> {
  const answer = await api<{ sessionToken: string }>('auth.login', { username, password }, { from });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.sessionToken;
}

describe('server mode over HTTPS', () => {
  it('refuses TLS 1.1 and accepts TLS 1.2', async () => {
    const handshake = (version: 'TLSv1.1' | 'TLSv1.2') =>
      new Promise<string>((resolve) => {
        const socket = connect({
          host: '127.0.0.1',
          port,
          minVersion: version,
          maxVersion: version,
          // The client itself would refuse TLS 1.1 at OpenSSL's default level; lowered, only the server decides.
          ciphers: 'DEFAULT@SECLEVEL=0',
          rejectUnauthorized: false,
        });
        socket.once('secureConnect', () => {
          resolve(socket.getProtocol() ?? '');
          socket.destroy();
        });
        socket.once('error', (error) => resolve(`refused: ${error.message}`));
      });
    expect(await handshake('TLSv1.2')).toBe('TLSv1.2');
    expect(await handshake('TLSv1.1')).toMatch(/^refused: .*(protocol version|unsupported protocol)/i);
  });

  it('answers only to its own names in the Host header', async () => {
    expect((await call('/', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await call('/', { host: '127.0.0.1' })).status).toBe(403);
    expect((await call('/', { host: `server-kantor:${port}` })).body).toContain('Graduasi PKH');
    expect((await call('/', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it("refuses a PC outside the chosen network, and the server PC's own setup work from another PC", async () => {
    const outside = await call('/', { from: '127.0.1.5' });
    expect(outside).toEqual({ status: 403, body: 'Alamat komputer ini tidak diizinkan' });
    expect((await call('/api/call/database.recover', { body: { action: 'salvage' } })).status).toBe(403);
  });

  it('keeps the body limits of browser mode', async () => {
    const session = await logIn(ADMIN.username, ADMIN.password);
    const big = await call('/api/call/security.update', { session, body: { padding: 'x'.repeat(1024 * 1024 + 10) } });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('TOO_LARGE');
  });

  it('lets a staff PC log in without a token, and the audit records the PC of each change', async () => {
    const session = await logIn(OPERATOR.username, OPERATOR.password, '127.0.0.7');
    const me = await api<{ user: { username: string } }>('auth.session', {}, { session, from: '127.0.0.7' });
    expect(me.ok && me.value.user.username).toBe('operator1');
    expect((await api('auth.logout', {}, { session, from: '127.0.0.7' })).ok).toBe(true);
    const rows = database.db.$client
      .prepare("SELECT action, client_address AS address FROM audit_log WHERE action IN ('login', 'logout')")
      .all();
    expect(rows).toEqual([
      { action: 'login', address: '127.0.0.7' },
      { action: 'logout', address: '127.0.0.7' },
    ]);
  });

  it('slows an address after many failures but still lets a colleague at that address log in', async () => {
    for (let i = 0; i < 21; i++) {
      const answer = await api(
        'auth.login',
        { username: `tebakan${i}`, password: 'salah-sekali' },
        { from: '127.0.0.9' },
      );
      expect(answer.ok || answer.error.code).toBe('LOGIN_FAILED');
    }
    clock.pauses.length = 0;
    const session = await logIn(OPERATOR.username, OPERATOR.password, '127.0.0.9');
    expect(session).toMatch(/.{20,}/);
    expect(clock.pauses).toEqual([1000]);
  });

  it('shows the administrator who is connected, and a session the administrator ends is refused next', async () => {
    const adminSession = await logIn(ADMIN.username, ADMIN.password, '127.0.0.2');
    const operatorSession = await logIn(OPERATOR.username, OPERATOR.password, '127.0.0.3');
    const list = await api<{ id: string; username: string; address: string }[]>(
      'server.sessions',
      {},
      {
        session: adminSession,
      },
    );
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((s) => [s.username, s.address])).toEqual([
      ['admin', '127.0.0.2'],
      ['operator1', '127.0.0.3'],
    ]);
    const operator = list.value[1];
    expect((await api('backup.status', {}, { session: operatorSession, from: '127.0.0.3' })).ok).toBe(true);
    expect(
      (await api('server.endSession', { id: operator.id }, { session: operatorSession, from: '127.0.0.3' })).ok,
    ).toBe(false);
    expect((await api('server.endSession', { id: operator.id }, { session: adminSession })).ok).toBe(true);
    const after = await api('backup.status', {}, { session: operatorSession, from: '127.0.0.3' });
    expect(after.ok || after.error).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sesi Anda diakhiri oleh administrator. Silakan masuk kembali.',
    });
    const audit = database.db.$client
      .prepare("SELECT summary, client_address AS address FROM audit_log WHERE action = 'end_session'")
      .get();
    expect(audit).toEqual({
      summary: 'Sesi operator1 dari 127.0.0.3 diakhiri oleh administrator',
      address: '127.0.0.2',
    });
  });

  it('keeps the certificate beside the database, its key readable by this user only, and audits turning on and off', async () => {
    const status = control.status();
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(status.url).toBe(`https://127.0.0.1:${port}/`);
    const keyFile = join(database.file, '..', 'sertifikat-kantor.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await control.stop(SYSTEM_ACTOR);
    expect(control.status().running).toBe(false);
    // Made once: turned on again, the same certificate.
    port = (await control.start(SYSTEM_ACTOR, { address: '127.0.0.1', port: 0 })).port;
    expect(control.status().fingerprint).toBe(status.fingerprint);
    const actions = database.db.$client
      .prepare("SELECT action FROM audit_log WHERE action IN ('server_on', 'server_off') ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual(['server_on', 'server_off', 'server_on']);
  });
});

describe('the printed sheet for staff PCs', () => {
  it('carries the kop, the address, the fingerprint and the steps, rendered in the PDF worker', async () => {
    const adminSession = await logIn(ADMIN.username, ADMIN.password);
    const sheet = await api<{ base64: string; pages: number; fileName: string }>(
      'server.sheet',
      {},
      {
        session: adminSession,
      },
    );
    if (!sheet.ok) throw new Error(sheet.error.message);
    expect(sheet.value.pages).toBe(1);
    const file = pdfFile(Buffer.from(sheet.value.base64, 'base64'));
    expect(pageSizes(file).map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([[595, 842]]);
    const text = squash(pdfText(file));
    const { fingerprint, url } = control.status();
    expect(text).toContain('PEMERINTAH KOTA PEKALONGAN');
    expect(text).toContain(url);
    // Printed in four lines of eight pairs, 'AB : CD : …', to compare pair by pair.
    const pairs = (fingerprint ?? '').split(':');
    const lines = [0, 8, 16, 24].map((i) => pairs.slice(i, i + 8).join(':'));
    expect(pairs).toHaveLength(32);
    expect(text.replaceAll(' : ', ':')).toContain(lines.join(' '));
    expect(text).toContain('Trusted Root Certification Authorities');
    expect(readQr(file)).toBe(url);
    await control.stop(SYSTEM_ACTOR);
    expect(() => serverSheet(database.db, control.status(), clock.now())).toThrow(/^Nyalakan mode server dulu/);
  });
});

describe('a database on a network drive', () => {
  const linux = (mounts: string) => ({ platform: 'linux' as const, mounts: () => mounts, driveType: () => null });
  const windows = (types: Record<string, number>) => ({
    platform: 'win32' as const,
    mounts: () => '',
    driveType: (letter: string) => types[letter] ?? null,
  });
  const MOUNTS = [
    '/dev/sda1 / ext4 rw 0 0',
    '//nas/kantor /srv/bersama cifs rw 0 0',
    'nas:/data /mnt/nfs\\040data nfs4 rw 0 0',
    '/dev/sdb1 /srv/bersama/lokal ext4 rw 0 0',
  ].join('\n');

  it('is refused with a clear message: UNC paths, mapped network drives, nfs and cifs mounts', () => {
    expect(networkDriveReason('\\\\NAS\\Kantor\\graduasi-pkh.db', windows({}))).toMatch(
      /^Database berada di folder bersama jaringan .*Pindahkan database ke disk lokal/,
    );
    expect(networkDriveReason('Z:\\data\\graduasi-pkh.db', windows({ 'Z:': 4 }))).toMatch(/drive jaringan Z:/);
    expect(networkDriveReason('C:\\data\\graduasi-pkh.db', windows({ 'C:': 3 }))).toBeNull();
    expect(networkDriveReason('/srv/bersama/graduasi-pkh.db', linux(MOUNTS))).toMatch(/folder jaringan \(cifs\)/);
    expect(networkDriveReason('/mnt/nfs data/graduasi-pkh.db', linux(MOUNTS))).toMatch(/folder jaringan \(nfs4\)/);
    expect(networkDriveReason('/srv/bersama/lokal/graduasi-pkh.db', linux(MOUNTS))).toBeNull();
    expect(networkDriveReason('/home/operator/graduasi-pkh.db', linux(MOUNTS))).toBeNull();
  });

  it('stops server mode from starting', async () => {
    await control.close();
    const refusing = new OfficeServerControl({
      database,
      staticDir: join(dir, 'web'),
      configDir: dir,
      drives: linux(`/dev/sda1 / ext4 rw 0 0\n//nas/kantor ${join(database.file, '..')} cifs rw 0 0`),
      interfaces: () => INTERFACES,
    });
    refusing.attach(createDispatcher(database, () => {}));
    await expect(refusing.start(SYSTEM_ACTOR, { address: '127.0.0.1', port: 0 })).rejects.toThrow(
      /Mode server tidak dapat dijalankan dari folder jaringan/,
    );
    expect(refusing.status().running).toBe(false);
  });
});
