import { useSearchParams } from 'react-router';
import type { KpmStatus } from '../../../main/domain/enums';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { KOMPONEN, type Komponen } from '../../../main/domain/komponen';
import type { KpmSearchInput } from '../../../main/domain/schemas';

export const PAGE_SIZE = 50;

type Filters = Omit<KpmSearchInput, 'pageSize'>;

const SORTS = ['nama', 'idKpm', 'updatedAt'] as const;

/**
 * The list's search, filters, sort and page live in the URL, so opening a family and going back
 * returns to the same place in the same list.
 */
export function useKpmListParams() {
  const [params, setParams] = useSearchParams();
  const text = (key: string) => params.get(key) || null;
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as Filters['sort'])
    : 'nama';
  const status = text('status');
  const komponen = text('komponen');
  const filters: Filters = {
    q: params.get('q') ?? '',
    districtCode: text('kec'),
    villageCode: text('desa'),
    pendampingId: text('pendamping') ? Number(text('pendamping')) : null,
    status: status && status in STATUS_LABEL ? (status as KpmStatus) : null,
    komponen: komponen && (KOMPONEN as readonly string[]).includes(komponen) ? (komponen as Komponen) : null,
    missingIdKpm: params.get('idkpm') === 'kosong',
    sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Changes some filters; any change but the page itself starts again at page 1. */
  const update = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    if (!('page' in patch)) next.page = 1;
    const entries: [string, string | number | null][] = [
      ['q', next.q],
      ['kec', next.districtCode],
      ['desa', next.villageCode],
      ['pendamping', next.pendampingId],
      ['status', next.status],
      ['komponen', next.komponen],
      ['idkpm', next.missingIdKpm ? 'kosong' : null],
      ['sort', next.sort === 'nama' ? null : next.sort],
      ['dir', next.dir === 'asc' ? null : next.dir],
      ['page', next.page === 1 ? null : next.page],
    ];
    const search = new URLSearchParams();
    for (const [key, value] of entries) if (value !== null && value !== '') search.set(key, String(value));
    setParams(search, { replace: true });
  };

  return { filters, update };
}
