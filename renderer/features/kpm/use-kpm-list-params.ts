import { useSearchParams } from 'react-router';
import type { KpmStatus } from '../../../main/domain/enums';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { NUMBER_FIELDS, type NumberField, numberSpec } from '../../../main/domain/fields';
import { GRADUATION_STAGE_FILTER, type GraduationStageFilter } from '../../../main/domain/graduation';
import { KOMPONEN, type Komponen } from '../../../main/domain/komponen';
import type { KpmSearchInput } from '../../../main/domain/schemas';

export const PAGE_SIZE = 50;

type Filters = Omit<KpmSearchInput, 'pageSize'>;

const SORTS = ['nama', 'idKpm', 'updatedAt'] as const;

/** A number field's filter from the URL (named as the field): null unless a whole number in its range. */
function numberFilters(params: URLSearchParams): Record<NumberField, number | null> {
  return Object.fromEntries(
    NUMBER_FIELDS.map((key) => {
      const value = Number(params.get(key) || Number.NaN);
      const { min, max } = numberSpec(key);
      return [key, Number.isInteger(value) && value >= min && value <= max ? value : null];
    }),
  ) as Record<NumberField, number | null>;
}

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
  const stage = text('tahap');
  const filters: Filters = {
    q: params.get('q') ?? '',
    districtCode: text('kec'),
    villageCode: text('desa'),
    pendampingId: text('pendamping') ? Number(text('pendamping')) : null,
    status: status && status in STATUS_LABEL ? (status as KpmStatus) : null,
    komponen: komponen && (KOMPONEN as readonly string[]).includes(komponen) ? (komponen as Komponen) : null,
    missingIdKpm: params.get('idkpm') === 'kosong',
    ...numberFilters(params),
    graduationStage:
      stage && (GRADUATION_STAGE_FILTER as readonly string[]).includes(stage) ? (stage as GraduationStageFilter) : null,
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
      ['tahap', next.graduationStage],
      ...NUMBER_FIELDS.map((key): [string, number | null] => [key, next[key]]),
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
