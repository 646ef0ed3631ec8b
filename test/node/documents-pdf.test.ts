/**
 * The PDF layouts: every kind rendered to a file and read back with poppler
 * (pdftotext, pdfinfo, pdftoppm) and jsqr, as a person or a scanner would read the printout.
 */
import { describe, expect, it } from 'vitest';
import { type RenderOptions, renderDocuments, renderKopPreview } from '../../main/documents/render';
import { DOCUMENT_KINDS, type DocumentKind, FAMILY_KINDS } from '../../main/domain/documents';
import type { PrintedDocument } from '../../main/domain/printed-document';
import { listRows, printedDocument, SAMPLE_FAMILY, sampleLogo } from '../support/documents';
import { pageSizes, pdfFile, pdfFlatText, pdfPageText, pdfText, readQr, squash } from '../support/pdf';

async function render(docs: PrintedDocument[], options?: RenderOptions): Promise<{ file: string; pages: number }> {
  const { bytes, pages } = await renderDocuments(docs, options);
  return { file: pdfFile(bytes), pages };
}

const text = pdfText;
const pageText = pdfPageText;

describe('every kind', () => {
  it.each(FAMILY_KINDS)('%s prints the number, the family, NIK, desa and the signatory with NIP', async (kind) => {
    const doc = printedDocument(kind);
    const { file, pages } = await render([doc]);
    const printed = squash(text(file));
    expect(pages).toBe(1);
    // The surat pernyataan is signed by the family, with the pendamping (and NIP) as witness.
    const signer =
      kind === 'pernyataan_mandiri'
        ? { name: doc.witnesses?.pendampingName ?? '', nip: doc.witnesses?.pendampingNip ?? '' }
        : doc.signature;
    expect(signer.nip).not.toBe('');
    for (const value of [doc.number, SAMPLE_FAMILY.nama, SAMPLE_FAMILY.nik, SAMPLE_FAMILY.desa, signer.name]) {
      expect(printed).toContain(value);
    }
    expect(printed).toContain(`NIP. ${signer.nip}`);
    expect(printed).toContain('30 November 2026');
  });

  it('the surat keterangan prints the identity block, ID KPM only when there is one', async () => {
    const withId = squash(text((await render([printedDocument('sk_graduasi')])).file));
    expect(withId).toContain(`Nomor KK : ${SAMPLE_FAMILY.noKk}`);
    expect(withId).toContain('RT/RW : 003/005');
    expect(withId).toContain(`ID KPM : ${SAMPLE_FAMILY.idKpm}`);
    const family = { ...SAMPLE_FAMILY, idKpm: '' };
    const withoutId = squash(text((await render([printedDocument('sk_graduasi', { family })])).file));
    expect(withoutId).not.toContain('ID KPM');
    expect(withoutId).toContain(`NIK : ${SAMPLE_FAMILY.nik}`);
  });

  it('the surat pernyataan prints the reasons, the witnesses and the materai box', async () => {
    const doc = printedDocument('pernyataan_mandiri');
    const printed = squash(text((await render([doc])).file));
    expect(printed).toContain('1. Penghasilan keluarga dari usaha warung makan');
    expect(printed).toContain('2. Anak-anak telah menyelesaikan pendidikan dan bekerja.');
    expect(printed).toContain('Mengetahui,');
    expect(printed).toContain(doc.witnesses?.pendampingName);
    expect(printed).toContain('Lurah Kauman');
    expect(printed).toContain(doc.witnesses?.kepalaDesaName);
    expect(printed).toContain('MATERAI Rp10.000');
    expect(printed).toContain('Yang membuat pernyataan,');
  });

  it.each(['daftar_usulan', 'lampiran_keputusan'] as const)(
    '%s prints its rows, the totals and the signatory',
    async (kind) => {
      const doc = printedDocument(kind);
      const printed = squash(text((await render([doc])).file));
      expect(printed).toContain(doc.number);
      for (const row of doc.list?.rows.slice(0, 3) ?? []) {
        expect(printed).toContain(row.nama);
        expect(printed).toContain(row.nik);
      }
      expect(printed).toContain('Jumlah: 12 KPM');
      expect(printed).toContain(doc.signature.name);
      expect(printed).toContain(`NIP. ${doc.signature.nip}`);
      if (kind === 'lampiran_keputusan') expect(printed).toContain('Disetujui: 9 KPM Ditolak: 3 KPM');
      else expect(printed).not.toContain('Keputusan');
    },
  );

  it('a list without rows prints its header, Jumlah: 0 KPM and the signature', async () => {
    const doc = printedDocument('daftar_usulan', { list: { heading: [], rows: [] } });
    const printed = squash(text((await render([doc])).file));
    expect(printed).toMatch(/No Nama pengurus NIK Nomor KK/);
    expect(printed).toContain('Jumlah: 0 KPM');
    expect(printed).toContain(doc.signature.name);
  });

  it('a 60-row list repeats the header row on page 2 and numbers its pages', async () => {
    const doc = printedDocument('daftar_usulan', { list: { heading: ['Tahap II'], rows: listRows(60) } });
    const { file, pages } = await render([doc]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const second = pageText(file, 2);
    expect(second).toMatch(/No\s+Nama pengurus\s+NIK\s+Nomor KK/);
    expect(second).toContain(`Halaman 2 dari ${pages}`);
    expect(pageText(file, 1)).toContain(`Halaman 1 dari ${pages}`);
    // the kop only on the first page
    expect(pageText(file, 1)).toContain('PEMERINTAH KOTA PEKALONGAN');
    expect(second).not.toContain('PEMERINTAH KOTA PEKALONGAN');
    // the signature never stands alone: the last rows come with it, under the header row
    const last = pageText(file, pages);
    expect(last).toContain('Jumlah: 60 KPM');
    expect(last).toMatch(/No\s+Nama pengurus\s+NIK\s+Nomor KK/);
    expect(last).toContain('KELUARGA UJI 59');
    expect(last).toContain('KELUARGA UJI 60');
    expect(readQr(file, pages)).toBe(doc.verificationCode);
  });
});

describe('numbers with slashes', () => {
  const SK = '400.9/215/KEP/DINSOS/2026';
  // The number moved along the line a character at a time, so it meets the right margin at every one of its
  // slashes in one of these letters (measured: the unprotected layout printed "400.9/215/ KEP/ DINSOS/2026").
  const bodies = Array.from(
    { length: 14 },
    (_, n) =>
      `telah keluar dari kepesertaan Program Keluarga Harapan (PKH) karena graduasi ${'x'.repeat(n)} sejahtera mandiri terhitung sejak tanggal 2 November 2026, berdasarkan Keputusan Kepala Dinas Sosial Kota Pekalongan Nomor ${SK} tanggal 16 November 2026.`,
  );

  it('the decree number prints exactly as typed in justified letter text, wherever it falls on the line', async () => {
    const docs = bodies.map((body) => printedDocument('sk_graduasi', { body }));
    const printed = pdfFlatText((await render(docs)).file);
    expect(printed.split(SK).length - 1).toBe(bodies.length);
  });

  it('the decree number prints exactly as typed in the opening of the lampiran keputusan', async () => {
    const docs = Array.from({ length: 16 }, (_, i) =>
      printedDocument('lampiran_keputusan', {
        opening: `Lampiran Keputusan Kepala Dinas Sosial Kota Pekalongan tentang Penetapan Graduasi Keluarga Penerima Manfaat Program Keluarga Harapan ${'x'.repeat(i * 3)} Nomor ${SK} tanggal 16 November 2026 tentang Penetapan Graduasi Keluarga Penerima Manfaat Program Keluarga Harapan`,
        list: { heading: ['Tahun 2026'], rows: listRows(2) },
      }),
    );
    const printed = pdfFlatText((await render(docs)).file);
    expect(printed.split(SK).length - 1).toBe(docs.length);
  });
});

describe('kop and signature', () => {
  it('prints the a.n. line and leaves out an empty rank and NIP; the kop leaves out empty contacts', async () => {
    const base = printedDocument('sk_graduasi');
    const doc = {
      ...base,
      kop: { ...base.kop, email: '', website: '' },
      signature: {
        ...base.signature,
        onBehalfOf: 'a.n. Kepala Dinas Sosial Kota Pekalongan',
        position: 'Kepala Bidang Perlindungan dan Jaminan Sosial',
        name: 'BAMBANG UJI PRASETYO',
        rank: '',
        nip: '',
      },
    };
    const printed = squash(text((await render([doc])).file));
    expect(printed).toContain('a.n. Kepala Dinas Sosial Kota Pekalongan');
    expect(printed).toContain('Kepala Bidang Perlindungan dan Jaminan Sosial');
    expect(printed).toContain('BAMBANG UJI PRASETYO');
    expect(printed).not.toContain('NIP.');
    expect(printed).toContain('Telepon (0285) 421234');
    expect(printed).not.toContain('E-mail');
    expect(printed).not.toContain('Laman');
  });

  it('prints the kop contacts that are set', async () => {
    const printed = squash(text((await render([printedDocument('sk_graduasi')])).file));
    expect(printed).toContain('Telepon (0285) 421234, E-mail dinsos@contoh.go.id, Laman dinsos.contoh.go.id');
  });
});

describe('long texts', () => {
  it('a list with a long text after the table prints all of it, its last paragraph with the signature', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `Paragraf ${i + 1}: ${'kata '.repeat(60)}`).join('\n');
    const doc = printedDocument('daftar_usulan', { body, list: { heading: [], rows: listRows(8) } });
    const { file, pages } = await render([doc]);
    const printed = text(file);
    for (let i = 1; i <= 30; i++) expect(printed).toContain(`Paragraf ${i}:`);
    const last = pageText(file, pages);
    expect(last).toContain('Paragraf 30:');
    expect(last).toContain(doc.signature.name);
  });
});

describe('paper', () => {
  it.each([
    ['A4', 595.28, 841.89],
    ['F4', 609.45, 935.43],
  ] as const)('%s letters are %s x %s pt; the piagam and the lists are landscape', async (paper, width, height) => {
    const kinds: DocumentKind[] = ['sk_graduasi', 'pernyataan_mandiri', 'piagam', 'lampiran_keputusan'];
    const { file } = await render(kinds.map((kind) => printedDocument(kind, { paper })));
    const sizes = pageSizes(file);
    const portrait = { width: expect.closeTo(width, 1), height: expect.closeTo(height, 1) };
    const landscape = { width: expect.closeTo(height, 1), height: expect.closeTo(width, 1) };
    expect(sizes).toEqual([portrait, portrait, landscape, landscape, landscape]);
  });
});

describe('QR', () => {
  it.each(DOCUMENT_KINDS)('the QR of %s reads back as exactly its verification code', async (kind) => {
    const doc = printedDocument(kind, { paper: kind === 'piagam' ? 'A4' : 'F4' });
    const { file, pages } = await render([doc]);
    expect(readQr(file, pages)).toBe(doc.verificationCode);
  });

  it('prints the code as text under the QR, wrapped in lines that join back to the code', async () => {
    const doc = printedDocument('sk_graduasi');
    const printed = text((await render([doc])).file);
    const lines = printed.split('\n').filter((line) => line.trim().startsWith('GP1*'));
    expect(lines).toHaveLength(1);
    const start = printed.indexOf('GP1*');
    const end = printed.indexOf('Pindai untuk memeriksa keaslian dokumen');
    // the QR column is at the left margin: lines of the signature column beside it start further right
    const codeText = printed
      .slice(start, end)
      .split('\n')
      .filter((line) => /^\s{0,20}\S/.test(line))
      .map((line) => line.trim().split(/\s{2,}/)[0])
      .join('');
    expect(codeText).toBe(doc.verificationCode);
  });
});

describe('fonts and names', () => {
  it('prints apostrophes, é, a 70-character name and latin-ext letters intact, wrapping the long name', async () => {
    const names = [
      "NUR'AINI",
      'Ma’ruf Amin',
      'Désirée Siti Rahayu',
      'Raden Ajeng Siti Nurhaliza Kusumawardhani Prawiranegara Binti Ahmad Yani',
      'Śrī Ayu Ḥasanah Ā',
    ];
    expect(names[3].length).toBeGreaterThanOrEqual(70);
    for (const nama of names) {
      const doc = printedDocument('sk_graduasi', { family: { ...SAMPLE_FAMILY, nama } });
      const printed = squash(text((await render([doc])).file));
      expect(printed).toContain(nama);
    }
  });

  it('letters no shipped font covers (Arabic script, emoji) print as blanks without stopping the batch', async () => {
    const family = { ...SAMPLE_FAMILY, alamat: 'Jl. Melati محمد 😀 No. 7' };
    const { file, pages } = await render([printedDocument('sk_graduasi', { family })]);
    expect(pages).toBe(1);
    expect(squash(text(file))).toContain('Jl. Melati');
  });

  it('a long name on the piagam wraps inside the page', async () => {
    const nama = 'RADEN AJENG SITI NURHALIZA KUSUMAWARDHANI PRAWIRANEGARA BINTI AHMAD SYAMSUDIN';
    const { file, pages } = await render([printedDocument('piagam', { family: { ...SAMPLE_FAMILY, nama } })]);
    expect(pages).toBe(1);
    expect(squash(text(file))).toContain(nama);
  });
});

describe('the same letter every time', () => {
  it('the same document renders to identical bytes; another number to different bytes', async () => {
    const doc = printedDocument('sk_graduasi', { kop: { ...printedDocument('sk_graduasi').kop, logo: sampleLogo() } });
    const a = await renderDocuments([doc]);
    const b = await renderDocuments([structuredClone(doc)]);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    const other = await renderDocuments([{ ...doc, number: '460/124/Dinsos/XI/2026' }]);
    expect(other.bytes.equals(a.bytes)).toBe(false);
  });

  it('a reprint says SALINAN on every page; the original does not', async () => {
    const docs = [
      printedDocument('sk_graduasi'),
      printedDocument('lampiran_keputusan', { list: { heading: [], rows: listRows(40) } }),
    ];
    const copy = await render(docs, { copy: true });
    for (let page = 1; page <= copy.pages; page++) expect(pageText(copy.file, page)).toContain('SALINAN');
    expect(text((await render(docs)).file)).not.toContain('SALINAN');
  });
});

describe('batches', () => {
  it('mixes kinds, each from a new page, and numbers list pages per document', async () => {
    const list = (rows: number) => printedDocument('daftar_usulan', { list: { heading: [], rows: listRows(rows) } });
    const long = (await render([list(40)])).pages;
    expect(long).toBeGreaterThan(1);
    const docs = [printedDocument('sk_graduasi'), list(40), printedDocument('piagam'), list(5)];
    const { file, pages } = await render(docs);
    expect(pages).toBe(1 + long + 1 + 1);
    expect(pageText(file, 1)).toContain('SURAT KETERANGAN GRADUASI');
    expect(pageText(file, 1)).not.toContain('Halaman');
    for (let page = 1; page <= long; page++) expect(pageText(file, 1 + page)).toContain(`Halaman ${page} dari ${long}`);
    expect(pageText(file, long + 2)).toContain('PIAGAM PENGHARGAAN');
    expect(pageText(file, long + 2)).not.toContain('Halaman');
    expect(pageText(file, long + 3)).toContain('Halaman 1 dari 1');
  });

  it('reports progress in documents, ending at the total', async () => {
    const seen: [number, number][] = [];
    const docs = Array.from({ length: 30 }, (_, i) =>
      printedDocument('sk_graduasi', { number: `460/${i + 1}/Dinsos/XI/2026` }),
    );
    await renderDocuments(docs, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([30, 30]);
    expect(seen.every(([, total]) => total === 30)).toBe(true);
    const done = seen.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    expect(done.length).toBeGreaterThan(2);
  });

  it('a cancelled batch rejects with CANCELLED', async () => {
    const docs = Array.from({ length: 100 }, () => printedDocument('sk_graduasi'));
    const controller = new AbortController();
    const rendering = renderDocuments(docs, { signal: controller.signal });
    controller.abort();
    await expect(rendering).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('refuses an empty batch', async () => {
    await expect(renderDocuments([])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('data is text, never a resource', () => {
  it('a logo that is a file path or a URL prints no logo and reads nothing', async () => {
    for (const logo of ['/etc/passwd', 'https://example.com/logo.png', 'data:text/html;base64,PHA+']) {
      const base = printedDocument('sk_graduasi');
      const { file } = await render([{ ...base, kop: { ...base.kop, logo } }]);
      expect(squash(text(file))).toContain('DINAS SOSIAL');
    }
  });

  it('markup-like text prints as typed', async () => {
    const nama = '{text: "x"} <b>SITI</b> & {nama}';
    const { file } = await render([printedDocument('sk_graduasi', { family: { ...SAMPLE_FAMILY, nama } })]);
    expect(squash(text(file))).toContain(nama);
  });
});

describe('kop preview', () => {
  it('is one page with the kop, a sample letter and the signatory', async () => {
    const doc = printedDocument('sk_graduasi');
    const { bytes, pages } = await renderKopPreview({ ...doc.kop, logo: sampleLogo() }, doc.signature, 'F4');
    const file = pdfFile(bytes);
    expect(pages).toBe(1);
    expect(pageSizes(file)[0]).toEqual({ width: expect.closeTo(609.45, 1), height: expect.closeTo(935.43, 1) });
    const printed = squash(text(file));
    for (const value of [
      'PEMERINTAH KOTA PEKALONGAN',
      'DINAS SOSIAL',
      'Telepon (0285) 421234',
      'CONTOH',
      doc.signature.name,
    ]) {
      expect(printed).toContain(value);
    }
  });
});
