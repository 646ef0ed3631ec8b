/**
 * The family's identity block: label, colon, value in a borderless two-column table, as registered.
 */
import type { Content } from 'pdfmake/interfaces';
import type { FamilyIdentity } from '../domain/printed-document';
import { plain } from './fonts';
import { CM } from './page';

export function identityRows(family: FamilyIdentity): [string, string][] {
  const rtRw = [family.rt, family.rw].filter(Boolean).join('/');
  const rows: [string, string][] = [
    ['Nama', family.nama],
    ['NIK', family.nik],
    ['Nomor KK', family.noKk],
    ['ID KPM', family.idKpm],
    ['Alamat', family.alamat],
    ['RT/RW', rtRw],
    ['Desa/Kelurahan', family.desa],
    ['Kecamatan', family.kecamatan],
    ['Kabupaten/Kota', family.kabupaten],
    ['Provinsi', family.provinsi],
  ];
  // ID KPM is missing for families from DTKS/SIKS-NG exports: the line is left out rather than printed empty.
  return rows.filter(([label, value]) => label !== 'ID KPM' || value !== '');
}

export function identityBlock(family: FamilyIdentity): Content {
  return {
    table: {
      widths: [3.6 * CM, 8, '*'],
      body: identityRows(family).map(([label, value]) => [label, ':', { text: plain(value), bold: label === 'Nama' }]),
    },
    layout: 'noBorders',
    lineHeight: 1.05,
    margin: [1.25 * CM, 0, 0, 6],
  };
}
