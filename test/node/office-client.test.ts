/**
 * The desktop client's connection check against real HTTPS servers with two different office certificates:
 * the pinned one is accepted, a changed one refused before anything is sent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../main/api/dispatch';
import { ensureOfficeCertificate, type OfficeCertificate } from '../../main/server/certificate';
import {
  checkOfficeServer,
  loadOfficeClient,
  normalFingerprint,
  parseServerAddress,
  pinnedCertificate,
  saveOfficeClient,
} from '../../main/server/office-client';
import { listenOffice, type OfficeListener } from '../../main/server/office-server';

// Answers every call as a set-up office, and records what reached it.
const received: string[] = [];
const dispatcher: Dispatcher = {
  admits: () => true,
  call: async (method) => {
    received.push(method);
    return { ok: true, value: { done: true } };
  },
};

let listener: OfficeListener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
  received.length = 0;
});

async function certificate(): Promise<OfficeCertificate> {
  return ensureOfficeCertificate(mkdtempSync(join(tmpdir(), 'graduasi-cert-')), {
    addresses: ['127.0.0.1'],
    hostname: 'server-kantor',
  });
}

async function serve(cert: OfficeCertificate): Promise<string> {
  listener = await listenOffice({
    dispatcher,
    staticRoot: tmpdir(),
    address: '127.0.0.1',
    cidr: '127.0.0.1/32',
    port: 0,
    cert: cert.cert,
    key: cert.key,
    hostname: 'server-kantor',
  });
  return `127.0.0.1:${listener.port}`;
}

describe('connecting to the office server', () => {
  it('accepts the pinned certificate and refuses another one with a clear message, sending it nothing', async () => {
    const [first, second] = await Promise.all([certificate(), certificate()]);
    expect(first.fingerprint).not.toBe(second.fingerprint);
    const address = await serve(first);
    expect(await checkOfficeServer(address, first.fingerprint.toLowerCase())).toEqual({
      fingerprint: first.fingerprint,
      setUp: true,
    });
    expect(received).toEqual(['setup.status']);
    await listener?.close();
    // The same address, now with another certificate: a changed server or someone in between.
    const changed = await serve(second);
    await expect(checkOfficeServer(changed, first.fingerprint)).rejects.toThrow(
      /^Sertifikat server kantor di 127\.0\.0\.1:\d+ berbeda dengan yang tersimpan di komputer ini .*Sambungan dihentikan/,
    );
    expect(received).toEqual(['setup.status']);
  });

  it('gives the desktop window a check that accepts the pinned certificate only', async () => {
    const [first, second] = await Promise.all([certificate(), certificate()]);
    const accepts = pinnedCertificate(first.fingerprint);
    expect(accepts(first.cert)).toBe(true);
    expect(accepts(second.cert)).toBe(false);
    expect(accepts('bukan sertifikat')).toBe(false);
    expect(pinnedCertificate('')(first.cert)).toBe(false);
  });

  it('says when the server cannot be reached', async () => {
    const address = await serve(await certificate());
    await listener?.close();
    await expect(checkOfficeServer(address, null)).rejects.toThrow(
      /tidak dapat dihubungi.*Pastikan komputer server menyala/,
    );
  });

  it('keeps the address and the pinned fingerprint in the app settings', () => {
    const folder = mkdtempSync(join(tmpdir(), 'graduasi-client-'));
    expect(loadOfficeClient(folder)).toBeNull();
    saveOfficeClient(folder, { address: '192.168.1.10:5443', fingerprint: 'ab cd ef' });
    expect(loadOfficeClient(folder)).toEqual({ address: '192.168.1.10:5443', fingerprint: 'AB:CD:EF' });
    expect(parseServerAddress('https://192.168.1.10:5443/')).toEqual({ host: '192.168.1.10', port: 5443 });
    expect(parseServerAddress('server-kantor')).toEqual({ host: 'server-kantor', port: 5443 });
    expect(() => parseServerAddress('http://192.168.1.10')).toThrow(/harus diawali https/);
    expect(normalFingerprint('a1-b2')).toBe('A1:B2');
  });
});
