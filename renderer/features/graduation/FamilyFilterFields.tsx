import { NumberInput, Select } from '@mantine/core';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';

export interface FamilyFilterValues {
  pendampingId: number | null;
  districtCode: string | null;
  villageCode: string | null;
  minYears: number | null;
}

export const NO_FAMILY_FILTERS: FamilyFilterValues = {
  pendampingId: null,
  districtCode: null,
  villageCode: null,
  minYears: null,
};

/** Pendamping, kecamatan, desa and years in PKH: the filters shared by the candidate list and the alamiah scan. */
export function FamilyFilterFields({
  value,
  onChange,
}: {
  value: FamilyFilterValues;
  onChange: (patch: Partial<FamilyFilterValues>) => void;
}) {
  const districts = useDistricts();
  const villages = useVillages(value.districtCode);
  const pendamping = usePendampingOptions({ activeOnly: false });
  return (
    <>
      <Select
        label="Pendamping"
        placeholder="Semua"
        data={pendamping}
        value={value.pendampingId === null ? null : String(value.pendampingId)}
        onChange={(v) => onChange({ pendampingId: v ? Number(v) : null })}
        searchable
        clearable
      />
      <Select
        label="Kecamatan"
        placeholder="Semua"
        data={regionOptions(districts.data)}
        value={value.districtCode}
        onChange={(v) => onChange({ districtCode: v, villageCode: null })}
        searchable
        clearable
      />
      <Select
        label="Desa/kelurahan"
        placeholder={value.districtCode ? 'Semua' : 'Pilih kecamatan'}
        data={regionOptions(villages.data)}
        value={value.villageCode}
        onChange={(v) => onChange({ villageCode: v })}
        disabled={!value.districtCode}
        searchable
        clearable
      />
      <NumberInput
        label="Min. tahun di PKH"
        placeholder="Semua"
        min={0}
        max={50}
        value={value.minYears ?? ''}
        onChange={(v) => onChange({ minYears: typeof v === 'number' ? v : null })}
      />
    </>
  );
}
