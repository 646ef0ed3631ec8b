/**
 * The desktop app's "connect to the office server" mode, the part that runs in Node: the server's address and
 * the certificate fingerprint pinned at the first connection (kept in pengaturan.json), and the check that
 * refuses a server whose certificate is not the pinned one before anything is sent to it. The Electron
 * window is to load the server's address and refuse any other certificate the same way
 * (session.setCertificateVerifyProc with pinnedCertificate); that wiring needs Electron and is not built here.
 */
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import { loadAppConfig, type OfficeClientConfig, updateAppConfig } from '../app-config';
import { AppError } from '../domain/errors';
import { DEFAULT_OFFICE_PORT } from './office-server-control';

export function loadOfficeClient(configDir: string): OfficeClientConfig | null {
  return loadAppConfig(configDir).officeClient ?? null;
}

export function saveOfficeClient(configDir: string, client: OfficeClientConfig): void {
  updateAppConfig(configDir, {
    officeClient: { address: client.address, fingerprint: normalFingerprint(client.fingerprint) },
  });
}

/** 'AB:CD:…', whatever the case or separators it was typed with (from the printed sheet). */
export function normalFingerprint(text: string): string {
  const hex = text.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? '';
}

export function sameFingerprint(a: string, b: string): boolean {
  const left = normalFingerprint(a);
  return left.length === 95 && left === normalFingerprint(b);
}

/**
 * Whether a certificate (PEM, as Electron's certificate verify request gives it in `certificate.data`) is the
 * pinned one: the fingerprint is computed here, never taken from the caller's formatting.
 */
export function pinnedCertificate(pinned: string): (pem: string) => boolean {
  return (pem) => {
    try {
      return sameFingerprint(new X509Certificate(pem).fingerprint256, pinned);
    } catch {
      return false;
    }
  };
}

/** 'https://192.168.1.10:5443/', '192.168.1.10:5443' or '192.168.1.10' as host and port. */
export function parseServerAddress(text: string): { host: string; port: number } {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new AppError('INVALID_INPUT', `Alamat server "${trimmed}" tidak dapat dibaca. Contoh: 192.168.1.10:5443`);
  }
  if (url.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', 'Alamat server kantor harus diawali https:// (sambungan terenkripsi).');
  }
  return { host: url.hostname, port: url.port ? Number(url.port) : DEFAULT_OFFICE_PORT };
}

export interface ServerCheck {
  /** The fingerprint the server presented (to pin at the first connection, after comparing it with the sheet). */
  fingerprint: string;
  /** Whether the office's database is set up. */
  setUp: boolean;
}

const TIMEOUT_MS = 5000;

/**
 * Connects, compares the certificate with `pinned` (when given) before sending anything, then asks the
 * server whether it is set up. Throws an AppError in Indonesian for each way it can fail.
 */
export async function checkOfficeServer(address: string, pinned: string | null): Promise<ServerCheck> {
  const { host, port } = parseServerAddress(address);
  const socket = await openTls(host, port);
  const fingerprint = socket.getPeerCertificate().fingerprint256 ?? '';
  if (pinned && !sameFingerprint(fingerprint, pinned)) {
    socket.destroy();
    throw new AppError(
      'CONFLICT',
      `Sertifikat server kantor di ${host}:${port} berbeda dengan yang tersimpan di komputer ini ` +
        `(tersimpan ${normalFingerprint(pinned)}, diterima ${fingerprint}). Sambungan dihentikan. ` +
        'Jangan lanjutkan; tanyakan kepada administrator apakah sertifikat server memang diganti.',
    );
  }
  const answer = await postOver(socket, host, port, '/api/call/setup.status');
  const setUp = (answer as { ok?: boolean; value?: { done?: boolean } }).value?.done === true;
  return { fingerprint, setUp };
}

function unreachable(host: string, port: number, error: Error): AppError {
  return new AppError(
    'CONFLICT',
    `Server kantor di ${host}:${port} tidak dapat dihubungi (${error.message}). Pastikan komputer server menyala, ` +
      'aplikasi terbuka dengan mode server aktif, dan komputer ini tersambung ke jaringan kantor.',
  );
}

/** The certificate is checked by fingerprint, not by a certificate authority: the office makes its own. */
function openTls(host: string, port: number): Promise<TLSSocket> {
  return new Promise((resolveSocket, reject) => {
    const socket = connect({ host, port, servername: undefined, rejectUnauthorized: false, minVersion: 'TLSv1.2' });
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('waktu habis')));
    socket.once('secureConnect', () => resolveSocket(socket));
    socket.once('error', (error) => reject(unreachable(host, port, error)));
  });
}

function postOver(socket: TLSSocket, host: string, port: number, path: string): Promise<unknown> {
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      {
        host,
        port,
        path,
        method: 'POST',
        createConnection: () => socket,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          socket.destroy();
          try {
            resolveAnswer(JSON.parse(text));
          } catch {
            reject(new AppError('CONFLICT', `${host}:${port} menjawab, tetapi bukan server Graduasi PKH.`));
          }
        });
      },
    );
    req.on('error', (error) => reject(unreachable(host, port, error)));
    req.end('{}');
  });
}
