import type { FamilyBusiness } from '../../../main/api/business.contract';
import { BUSINESS_TYPE_LABEL, type BusinessType } from '../../../main/domain/business';
import { formatRupiah } from '../../../main/domain/format';

type Row = FamilyBusiness['timeline'][number];

/** A timeline row as "what" and "details" in Indonesian. */
export function timelineText(row: Row): [string, string] {
  switch (row.kind) {
    case 'usaha':
      return ['Mulai usaha', `${BUSINESS_TYPE_LABEL[row.title as BusinessType]}${row.detail ? `: ${row.detail}` : ''}`];
    case 'catatan_usaha':
      return [
        'Catatan usaha',
        `${row.flag ? 'Berjalan' : 'Tidak berjalan'} · omzet ${formatRupiah(Number(row.title))} · pendapatan ${formatRupiah(row.amount ?? 0)}${row.detail ? ` · ${row.detail}` : ''}`,
      ];
    case 'pelatihan':
      return ['Pelatihan', `${row.title}, ${row.detail}${row.flag ? ' · selesai' : ''}`];
    case 'jualan_online':
      return ['Jualan online', `${row.title}: ${row.detail}`];
    case 'pena':
      return ['PENA', `${row.title} · ${formatRupiah(row.amount ?? 0)}`];
    case 'kube':
      return ['Masuk KUBE', `${row.title}${row.detail ? ` (${row.detail})` : ''}`];
    case 'kunjungan':
      return [
        row.title,
        `${row.flag === null ? '' : row.flag ? 'Usaha berjalan' : 'Usaha tidak berjalan'}${row.detail ? ` · ${row.detail}` : ''}`,
      ];
  }
}
