/**
 * The office's verification page: one static HTML file with its public keys, the numbers voided so far and
 * the verifier script inline (no server code, no network: the Content-Security-Policy allows only this
 * page's own script and style). The office puts it on its website at /verifikasi, where the letters' QR
 * points (main/domain/verification-address.ts). Made by a pure function of its data, so the same data gives
 * the same bytes.
 */
import { createHash } from 'node:crypto';
import { formatWaktu } from '../domain/format';
import type { PageData } from '../domain/verification-page';
import { VERIFIER_SCRIPT } from './verifier-script';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1a1b1e;line-height:1.5}
main{max-width:38rem;margin:0 auto;padding:1rem}
header p{margin:0;color:#495057}
h1{font-size:1.35rem;margin:.25rem 0 1rem}
form{display:flex;flex-direction:column;gap:.5rem;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1rem}
label{font-weight:600}
textarea{font:0.9rem ui-monospace,monospace;padding:.5rem;border:1px solid #adb5bd;border-radius:4px;word-break:break-all}
button{font-size:1rem;padding:.6rem;border:0;border-radius:4px;background:#1864ab;color:#fff;font-weight:600}
#hasil{margin-top:1rem;border-radius:8px;padding:1rem;border:3px solid;background:#fff}
#hasil[data-putusan=asli]{border-color:#2b8a3e}
#hasil[data-putusan=dibatalkan]{border-color:#e67700}
#hasil[data-putusan=tidak_asli]{border-color:#c92a2a}
#putusan{font-size:1.8rem;font-weight:800;margin:0}
#hasil[data-putusan=asli] #putusan{color:#2b8a3e}
#hasil[data-putusan=dibatalkan] #putusan{color:#d9480f}
#hasil[data-putusan=tidak_asli] #putusan{color:#c92a2a}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:.75rem 0 0}
dt{color:#495057}dd{margin:0;font-weight:600;word-break:break-word}
footer{margin-top:1rem;font-size:.85rem;color:#495057}
[hidden]{display:none!important}
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element: no `<` can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** The page's HTML for its data. */
export function verificationPageHtml(data: PageData): string {
  if (/<\/script/i.test(VERIFIER_SCRIPT)) throw new Error('the verifier script must not close its <script> element');
  const office = escapeHtml(data.officeName);
  const policy = `default-src 'none'; script-src 'sha256-${sha256(VERIFIER_SCRIPT)}'; style-src 'sha256-${sha256(STYLE)}'`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>Verifikasi surat ${office}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p>${office}</p><h1>Periksa keaslian surat</h1></header>
<form id="formulir">
<label for="kode">Kode verifikasi (di bawah kode QR surat)</label>
<textarea id="kode" rows="4" autocomplete="off" spellcheck="false" placeholder="GP1*..."></textarea>
<button type="submit">Periksa</button>
</form>
<section id="hasil" role="status" aria-live="polite" hidden>
<p id="putusan"></p>
<p id="penjelasan"></p>
<dl id="rincian">
<dt>Nomor surat</dt><dd id="rincian-nomor"></dd>
<dt>Jenis</dt><dd id="rincian-jenis"></dd>
<dt>Tanggal surat</dt><dd id="rincian-tanggal"></dd>
<dt>Diterbitkan oleh</dt><dd id="rincian-kantor"></dd>
</dl>
</section>
<footer>
<p id="per-tanggal">Daftar pembatalan per ${escapeHtml(formatWaktu(data.generatedAt))}. Surat yang dibatalkan sesudah itu baru terlihat setelah kantor memperbarui halaman ini.</p>
<p>Pemeriksaan berjalan di peramban ini dengan kunci publik ${office}; kode tidak dikirim ke mana pun.</p>
</footer>
</main>
<script id="data-halaman" type="application/json">${scriptJson(data)}</script>
<script>${VERIFIER_SCRIPT}</script>
</body>
</html>
`;
}
