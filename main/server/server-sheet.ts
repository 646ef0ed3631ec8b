/** The printable A4 sheet for staff PCs: the server's address and certificate fingerprint under the office's kop. */
import type { Db } from '../../db/open';
import type { PrintedServerSheet } from '../documents/server-sheet';
import { AppError } from '../domain/errors';
import { formatHari, formatTanggal, todayIso } from '../domain/format';
import { buildKop } from '../services/documents/context';
import { getDocumentSettings, requireOffice } from '../services/documents/settings';
import type { PdfFile } from '../services/documents/types';
import { renderServerSheetInWorker } from '../workers/pdf';
import type { OfficeServerStatus } from './office-server-control';

const STEPS = [
  'Pastikan komputer server menyala dan aplikasi Graduasi PKH terbuka di sana.',
  'Pasang sertifikat kantor sekali di komputer ini: salin berkas sertifikat-kantor.crt dari folder database ' +
    'komputer server, buka certmgr.msc, klik kanan "Trusted Root Certification Authorities" > All Tasks > ' +
    'Import, pilih berkas itu, lalu Next dan Finish (lihat README, "Beberapa komputer di satu kantor").',
  'Buka alamat di atas di Chrome atau Edge. Klik ikon di kiri alamat > Sertifikat, dan cocokkan sidik jari ' +
    'SHA-256 dengan lembar ini.',
  'Masuk dengan nama pengguna dan kata sandi Anda sendiri; jangan memakai akun rekan.',
  'Simpan alamat itu sebagai bookmark. Selesai bekerja, klik Keluar.',
];

export function serverSheet(db: Db, status: OfficeServerStatus, now: Date): PrintedServerSheet {
  if (!status.running || !status.url || !status.fingerprint) {
    throw new AppError('CONFLICT', 'Nyalakan mode server dulu: lembar petunjuk memuat alamat yang sedang dilayani.');
  }
  const today = todayIso(now);
  return {
    kop: buildKop(requireOffice(db), getDocumentSettings(db).website),
    url: status.url,
    fingerprint: status.fingerprint,
    hostname: status.hostname,
    printedOn: `${formatHari(today)}, ${formatTanggal(today)}`,
    date: today,
    steps: STEPS,
  };
}

export async function printServerSheet(db: Db, status: OfficeServerStatus, now: Date): Promise<PdfFile> {
  const rendered = await renderServerSheetInWorker(serverSheet(db, status, now));
  return { fileName: 'Petunjuk-Server-Kantor-Graduasi-PKH.pdf', base64: rendered.base64, pages: rendered.pages };
}
