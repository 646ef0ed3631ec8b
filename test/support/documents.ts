/**
 * Synthetic PrintedDocuments for the PDF layouts' tests (and any test that needs a document snapshot):
 * `printedDocument(kind, overrides)` gives a complete document of the kind with the default wording filled
 * in, a fictitious family and office, and a well-formed verification code. Synthetic people only.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { type DocumentKind, FAMILY_KINDS } from '../../main/domain/documents';
import type {
  FamilyIdentity,
  Handover,
  ListRow,
  PrintedDocument,
  RecipientRow,
} from '../../main/domain/printed-document';
import { codePayload, composeCode } from '../../main/domain/verification-code';

export const SAMPLE_FAMILY: FamilyIdentity = {
  nama: 'SITI AMINAH',
  nik: '3375014507850001',
  noKk: '3375010101100001',
  idKpm: 'P000000000001',
  alamat: 'Jl. Melati Gg. 3 No. 12 (data sintetis)',
  rt: '003',
  rw: '005',
  desa: 'Kauman',
  kecamatan: 'Pekalongan Timur',
  kabupaten: 'Kota Pekalongan',
  provinsi: 'Jawa Tengah',
};

/** A synthetic emblem (a shield-like disc, not any region's arms) as a PNG data URL, for the kop's logo. */
export function sampleLogo(size = 96): string {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c) / c;
      const rgba =
        r > 0.98
          ? [255, 255, 255, 0]
          : r > 0.85
            ? [0, 90, 50, 255]
            : r > 0.8
              ? [230, 190, 40, 255]
              : [20, 120, 70, 255];
      const star = Math.abs(x - c) + Math.abs(y - c) < size * 0.22;
      png.data.set(star && r <= 0.8 ? [240, 200, 40, 255] : rgba, (y * size + x) * 4);
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** A well-formed code for the document: the real payload and a stand-in 64-byte signature (not verifiable). */
export function sampleCode(kind: DocumentKind, issuedDate: string, number: string): string {
  const payload = codePayload({ regencyCode: '3375', kind, issuedDate, number });
  return composeCode(payload, createHash('sha512').update(payload).digest('base64url'));
}

/** n list rows; row i has its own name, NIK and No. KK. */
export function listRows(n: number, keputusan: (i: number) => string = () => ''): ListRow[] {
  return Array.from({ length: n }, (_, i) => ({
    nama: `KELUARGA UJI ${i + 1}`,
    nik: `33750145078${String(50000 + i + 1).padStart(5, '0')}`,
    noKk: `33750101011${String(10000 + i + 1).padStart(5, '0')}`,
    alamat: `Jl. Contoh No. ${i + 1} RT 00${(i % 9) + 1}/RW 002`,
    desa: ['Kauman', 'Sugihwaras', 'Klego', 'Poncol'][i % 4],
    kecamatan: 'Pekalongan Timur',
    jenisGraduasi: i % 3 === 0 ? 'Graduasi alamiah' : 'Graduasi sejahtera mandiri',
    pendamping: `Pendamping Uji ${(i % 5) + 1}`,
    keputusan: keputusan(i),
  }));
}

/** A handover of one award: two items and cash, Rp3.500.000 in all, with two witnesses. */
export const SAMPLE_HANDOVER: Handover = {
  firstParty: {
    name: 'AGUS PRASETYO, S.E.',
    nip: '198001012006041001',
    position: 'Kepala Seksi Pemberdayaan Sosial',
    office: 'Dinas Sosial Kota Pekalongan',
    address: 'Jl. Contoh No. 1, Pekalongan 51111 (data sintetis)',
  },
  representative: null,
  programName: 'Bantuan Usaha KPM Graduasi 2026',
  businessType: 'Warung makan',
  items: [
    { name: 'Etalase kaca', quantity: 1, unit: 'unit', unitPrice: 1_750_000, amount: 1_750_000 },
    { name: 'Kompor gas dua tungku', quantity: 2, unit: 'unit', unitPrice: 375_000, amount: 750_000 },
  ],
  cash: 1_000_000,
  total: 3_500_000,
  totalWords: 'tiga juta lima ratus ribu rupiah',
  witnesses: [
    { name: 'BUDI SANTOSO', position: 'Kepala Desa Kauman' },
    { name: 'RINA MARLINA', position: 'Pendamping PKH' },
  ],
};

/** n recipients of a daftar penerima; row i has its own name and NIK. */
export function recipientRows(n: number): RecipientRow[] {
  return listRows(n).map((r, i) => ({
    nama: r.nama,
    nik: r.nik,
    desa: r.desa,
    kecamatan: r.kecamatan,
    packageText: '1 unit Etalase kaca; 2 unit Kompor gas dua tungku; uang tunai Rp1.000.000',
    total: 3_500_000,
    note: i === 1 ? 'diwakili ANDI, anak' : '',
  }));
}

const TEXTS: Record<DocumentKind, Pick<PrintedDocument, 'title' | 'opening' | 'body' | 'closing'>> = {
  sk_graduasi: {
    title: 'SURAT KETERANGAN GRADUASI',
    opening:
      'Yang bertanda tangan di bawah ini menerangkan dengan sebenarnya bahwa Keluarga Penerima Manfaat (KPM) Program Keluarga Harapan (PKH) berikut:',
    body: 'telah keluar dari kepesertaan Program Keluarga Harapan (PKH) karena graduasi sejahtera mandiri terhitung sejak tanggal 2 November 2026, berdasarkan Keputusan Kepala Dinas Sosial Kota Pekalongan Nomor 460/88/Dinsos/XI/2026 tanggal 16 November 2026.',
    closing: 'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.',
  },
  pernyataan_mandiri: {
    title: 'SURAT PERNYATAAN GRADUASI SEJAHTERA MANDIRI',
    opening: 'Yang bertanda tangan di bawah ini:',
    body: 'dengan ini menyatakan dengan sadar dan sukarela mengundurkan diri dari kepesertaan Program Keluarga Harapan (PKH), karena keluarga kami telah mampu memenuhi kebutuhan hidup secara mandiri, dengan alasan sebagai berikut:',
    closing:
      'Demikian surat pernyataan ini saya buat dengan sebenarnya tanpa paksaan dari pihak mana pun, untuk dipergunakan sebagaimana mestinya.',
  },
  piagam: {
    title: 'PIAGAM PENGHARGAAN',
    opening: 'Diberikan kepada:',
    body: 'Keluarga Penerima Manfaat Program Keluarga Harapan dari Desa/Kelurahan Kauman, Kecamatan Pekalongan Timur, sebagai penghargaan atas keberhasilan keluarga mencapai graduasi sejahtera mandiri dari Program Keluarga Harapan (PKH) pada tahun 2026. Semoga menjadi teladan dan inspirasi bagi keluarga lain.',
    closing: '',
  },
  daftar_usulan: {
    title: 'DAFTAR USULAN GRADUASI KELUARGA PENERIMA MANFAAT PROGRAM KELUARGA HARAPAN',
    opening: 'Usulan Nomor 12/USL/2026: Usulan graduasi Kecamatan Pekalongan Timur tahap II',
    body: '',
    closing: '',
  },
  lampiran_keputusan: {
    title: 'DAFTAR KELUARGA PENERIMA MANFAAT PROGRAM KELUARGA HARAPAN YANG DITETAPKAN GRADUASI',
    opening:
      'Lampiran Keputusan Kepala Dinas Sosial Kota Pekalongan Nomor 460/88/Dinsos/XI/2026 tanggal 16 November 2026 tentang Penetapan Graduasi Keluarga Penerima Manfaat Program Keluarga Harapan',
    body: '',
    closing: '',
  },
  bast: {
    title: 'BERITA ACARA SERAH TERIMA BANTUAN',
    opening:
      'Pada hari ini Senin tanggal 30 November 2026, bertempat di Pendopo Kecamatan Pekalongan Timur, kami yang bertanda tangan di bawah ini:',
    body: 'PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menyatakan telah menerima dari PIHAK PERTAMA, bantuan Bantuan Usaha KPM Graduasi 2026 tahun 2026 yang bersumber dari APBD untuk mendukung usaha Warung makan, dengan rincian sebagai berikut:',
    closing:
      'Bantuan tersebut telah diterima dalam keadaan baik dan lengkap. Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
  },
  daftar_penerima: {
    title: 'DAFTAR PENERIMA Bantuan Usaha KPM Graduasi 2026',
    opening:
      'Tahun 2026, sumber dana APBD; serah terima tanggal 30 November 2026 di Pendopo Kecamatan Pekalongan Timur',
    body: '',
    closing: '',
  },
  surat_teguran: {
    title: 'SURAT TEGURAN',
    opening: 'Kepada Keluarga Penerima Manfaat (KPM) Program Keluarga Harapan (PKH):',
    body: 'Berdasarkan daftar hadir Pertemuan Peningkatan Kemampuan Keluarga (P2K2) kelompok MAWAR, Saudara tidak menghadiri pertemuan kelompok tanpa keterangan pada bulan Oktober dan November 2026.',
    closing: 'Demikian surat teguran ini disampaikan untuk diperhatikan.',
  },
};

export function printedDocument(kind: DocumentKind, overrides: Partial<PrintedDocument> = {}): PrintedDocument {
  const number = overrides.number ?? '460/123/Dinsos/XI/2026';
  const issuedDate = overrides.issuedDate ?? '2026-11-30';
  // the surat teguran is a letter to one family, without a graduation
  const family = (FAMILY_KINDS as readonly string[]).includes(kind) || kind === 'surat_teguran';
  return {
    kind,
    number,
    issuedDate,
    paper: 'A4',
    templateVersion: 1,
    kop: {
      government: 'PEMERINTAH KOTA PEKALONGAN',
      agency: 'DINAS SOSIAL',
      address: 'Jl. Contoh No. 1, Pekalongan 51111 (data sintetis)',
      phone: '(0285) 421234',
      email: 'dinsos@contoh.go.id',
      website: 'dinsos.contoh.go.id',
      logo: null,
    },
    ...TEXTS[kind],
    signature: {
      place: 'Pekalongan',
      date: issuedDate,
      onBehalfOf: '',
      position: 'Kepala Dinas Sosial Kota Pekalongan',
      name: 'Dra. SRI WAHYUNI, M.Si.',
      rank: 'Pembina Utama Muda (IV/c)',
      nip: '197203151998032004',
    },
    verificationCode: sampleCode(kind, issuedDate, number),
    ...(family
      ? {
          family: SAMPLE_FAMILY,
          graduation: {
            type: 'Graduasi sejahtera mandiri',
            date: '2026-11-02',
            skNumber: '460/88/Dinsos/XI/2026',
            skDate: '2026-11-16',
            reasons:
              kind === 'pernyataan_mandiri'
                ? [
                    'Penghasilan keluarga dari usaha warung makan sudah mencukupi kebutuhan sehari-hari.',
                    'Anak-anak telah menyelesaikan pendidikan dan bekerja.',
                  ]
                : [],
          },
        }
      : {
          list: {
            heading: kind === 'lampiran_keputusan' ? ['Tahun 2026'] : [],
            rows: listRows(
              12,
              kind === 'lampiran_keputusan'
                ? (i) => (i % 4 === 3 ? 'Ditolak: belum memenuhi syarat' : 'Disetujui')
                : undefined,
            ),
          },
        }),
    ...(kind === 'bast' ? { family: SAMPLE_FAMILY, handover: SAMPLE_HANDOVER, list: undefined } : {}),
    ...(kind === 'daftar_penerima'
      ? {
          list: undefined,
          recipients: {
            heading: [],
            rows: recipientRows(12),
            total: 42_000_000,
            totalWords: 'empat puluh dua juta rupiah',
          },
        }
      : {}),
    ...(kind === 'pernyataan_mandiri'
      ? {
          witnesses: {
            pendampingName: 'Pendamping Uji Satu, S.Sos.',
            pendampingNip: '198805122019031007',
            kepalaDesaName: 'Budi Santoso',
            kepalaDesaTitle: 'Lurah',
          },
        }
      : {}),
    ...overrides,
  };
}
