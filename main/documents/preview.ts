/**
 * The settings page's kop preview: a one-page sample letter ("CONTOH") with the kop and signature as they
 * will print, made from synthetic text so no family's data is needed.
 */
import type { Paper } from '../domain/documents';
import type { Kop, PrintedDocument, Signature } from '../domain/printed-document';
import { qrContentFor } from '../domain/verification-address';

const SAMPLE_CODE = `GP1*0000*SKG*00000000*CONTOH*${'A'.repeat(86)}`;

export function kopPreview(kop: Kop, signature: Signature, paper: Paper): PrintedDocument {
  return {
    kind: 'sk_graduasi',
    number: '460/.../CONTOH/.../....',
    issuedDate: signature.date || '2000-01-01',
    paper,
    templateVersion: 0,
    kop,
    title: 'Contoh surat',
    opening: 'Ini adalah contoh surat untuk melihat kop dan tanda tangan sebagaimana akan dicetak.',
    body: 'Isi surat keterangan, surat pernyataan, piagam dan daftar mengikuti templat masing-masing jenis dokumen.',
    closing: 'Contoh ini tidak bernomor dan tidak berlaku sebagai dokumen.',
    signature,
    verificationCode: SAMPLE_CODE,
    // The QR as letters will hold it: the verification page's address when the website is set.
    qrContent: qrContentFor(kop.website, SAMPLE_CODE),
    family: {
      nama: 'NAMA KELUARGA CONTOH',
      nik: '0000000000000000',
      noKk: '0000000000000000',
      idKpm: '',
      alamat: 'Alamat contoh',
      rt: '001',
      rw: '002',
      desa: 'Desa Contoh',
      kecamatan: 'Kecamatan Contoh',
      kabupaten: 'Kabupaten Contoh',
      provinsi: 'Provinsi Contoh',
    },
  };
}
