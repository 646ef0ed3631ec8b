import type { OutputOf } from '../../../main/api/contract';
import { useApi } from './api-hooks';

type Region = OutputOf<'regions.districts'>[number];

/** Regions never change while the app runs: load once and keep. */
const FOREVER = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export const regionOptions = (regions: Region[] | undefined) =>
  (regions ?? []).map((r) => ({ value: r.code, label: r.name }));

export function useDistricts() {
  return useApi('regions.districts', {}, FOREVER);
}

export function useVillages(districtCode: string | null | undefined) {
  return useApi(
    'regions.villages',
    { districtCode: districtCode ?? '' },
    { ...FOREVER, enabled: !!districtCode && /^\d{6}$/.test(districtCode) },
  );
}

/** Name by code for the office's kecamatan. */
export function useDistrictNames(): Map<string, string> {
  const { data } = useDistricts();
  return new Map((data ?? []).map((r) => [r.code, r.name]));
}
