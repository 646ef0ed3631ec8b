/**
 * The office's own HTTPS certificate: made once by the app, stored beside the database, and trusted on the
 * staff PCs by installing it (README) or by pinning its SHA-256 fingerprint (the desktop client). It is made
 * again only when the chosen address is not among its names, since a browser refuses a name it does not list.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const CERTIFICATE_FILE_NAME = 'sertifikat-kantor.crt';
export const KEY_FILE_NAME = 'sertifikat-kantor.key';
// Ten years: a self-signed certificate installed by hand is not bound by the public CAs' 398 days, and each
// new one must be installed again on every staff PC.
const VALID_DAYS = 3650;

export interface OfficeCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as 'AB:CD:…' (what a browser's certificate viewer shows). */
  fingerprint: string;
  certFile: string;
  /** Whether this call made it (the caller audits a new certificate). */
  created: boolean;
}

export interface CertificateNames {
  /** IPv4 addresses the server is reached at (the chosen one first). */
  addresses: string[];
  /** The PC's host name. */
  hostname: string;
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The stored certificate when it names `names.addresses[0]`, else a new one (written before it is returned). */
export async function ensureOfficeCertificate(folder: string, names: CertificateNames): Promise<OfficeCertificate> {
  const certFile = join(folder, CERTIFICATE_FILE_NAME);
  const keyFile = join(folder, KEY_FILE_NAME);
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    if (namesAddress(cert, names.addresses[0])) {
      return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), certFile, created: false };
    }
  }
  const made = await makeCertificate(names);
  writeSecret(keyFile, made.private);
  writeFileSync(`${certFile}.tmp`, made.cert);
  renameSync(`${certFile}.tmp`, certFile);
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert), certFile, created: true };
}

function namesAddress(certPem: string, address: string | undefined): boolean {
  if (!address) return true;
  const names = (new X509Certificate(certPem).subjectAltName ?? '').split(', ');
  return names.includes(`IP Address:${address}`);
}

function makeCertificate(names: CertificateNames) {
  const hostname = names.hostname.toLowerCase();
  const addresses = [...new Set([...names.addresses, '127.0.0.1'])];
  return generate([{ name: 'commonName', value: `Graduasi PKH ${hostname}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: hostname },
          { type: 2, value: 'localhost' },
          ...addresses.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
}

/** The private key readable by this user only (mode 0600; on Windows the user's own data folder protects it). */
function writeSecret(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  try {
    chmodSync(file, 0o600);
  } catch {
    // Windows keeps only the read-only bit; the folder's ACL is the user's.
  }
}
