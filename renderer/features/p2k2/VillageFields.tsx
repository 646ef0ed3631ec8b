import { Group, Select } from '@mantine/core';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';

interface Props {
  districtCode: string | null;
  villageCode: string | null;
  onChange: (districtCode: string | null, villageCode: string | null) => void;
}

/** Kecamatan then desa/kelurahan: a group belongs to one desa. */
export function VillageFields({ districtCode, villageCode, onChange }: Props) {
  const districts = useDistricts();
  const villages = useVillages(districtCode);
  return (
    <Group grow>
      <Select
        label="Kecamatan"
        data={regionOptions(districts.data)}
        value={districtCode}
        onChange={(v) => onChange(v, null)}
        searchable
        required
      />
      <Select
        label="Desa/kelurahan"
        data={regionOptions(villages.data)}
        value={villageCode}
        onChange={(v) => onChange(districtCode, v)}
        disabled={!districtCode}
        searchable
        required
      />
    </Group>
  );
}
