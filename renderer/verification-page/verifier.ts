/**
 * The script of the office's static verification page (bundled into main/verification-page/verifier-script.ts
 * by `npm run build:verifier`; the page is made by main/verification-page/html.ts). It reads the code from the
 * address after `#` (where the letter's QR puts it) or from the box, checks it with the office's public keys
 * in the browser (Ed25519 from @noble/curves: no server, no network, works from file:// and from http://,
 * where the browser's own crypto is not offered) and shows the verdict.
 */
import { ed25519 } from '@noble/curves/ed25519';
import {
  judgePageCode,
  type PageData,
  type PageVerdict,
  type SignatureCheck,
} from '../../main/domain/verification-page';

function bytesOfBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** RFC 8032 as node:crypto checks it (not the laxer ZIP-215), so the page and the app agree on every code. */
const checkSignature: SignatureCheck = (key, payload, signature) =>
  ed25519.verify(bytesOfBase64Url(signature), new TextEncoder().encode(payload), bytesOfBase64Url(key.publicKey), {
    zip215: false,
  });

function unescaped(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

function show(verdict: PageVerdict | null): void {
  const result = byId('hasil');
  result.hidden = verdict === null;
  if (!verdict) return;
  result.dataset.putusan = verdict.kind;
  byId('putusan').textContent = verdict.headline;
  byId('penjelasan').textContent = verdict.explanation;
  byId('rincian').hidden = verdict.details === null;
  const details = verdict.details ?? { number: '', kind: '', date: '', office: '' };
  byId('rincian-nomor').textContent = details.number;
  byId('rincian-jenis').textContent = details.kind;
  byId('rincian-tanggal').textContent = details.date;
  byId('rincian-kantor').textContent = details.office;
}

function start(): void {
  const data = JSON.parse(byId('data-halaman').textContent ?? '{}') as PageData;
  const box = byId('kode') as HTMLTextAreaElement;
  const check = (code: string) => show(code.trim() ? judgePageCode(data, code, checkSignature) : null);
  const fromAddress = () => {
    // Everything after '#', percent-escapes undone (some phones escape the `*` when they open the address).
    const code = unescaped(location.hash.slice(1));
    box.value = code;
    check(code);
  };
  byId('formulir').addEventListener('submit', (event) => {
    event.preventDefault();
    check(box.value);
  });
  window.addEventListener('hashchange', fromAddress);
  fromAddress();
}

start();
