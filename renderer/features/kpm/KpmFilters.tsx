import { CloseButton, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { PENDAMPING_DUTIES } from '../../../main/domain/duties';
import type { KpmStatus } from '../../../main/domain/enums';
import { NUMBER_FIELDS, numberSpec } from '../../../main/domain/fields';
import {
  GRADUATION_STAGE_FILTER,
  GRADUATION_STAGE_FILTER_LABEL,
  type GraduationStageFilter,
} from '../../../main/domain/graduation';
import type { Komponen } from '../../../main/domain/komponen';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useSession } from '../session/session';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';
import { komponenOptions, statusOptions } from './labels';

type Filters = Omit<KpmSearchInput, 'pageSize'>;

interface Props {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
}

export function KpmSearchBox({ filters, update }: Props) {
  const [text, setText] = useState(filters.q);
  // Typing fires one search once the user pauses, not one per key.
  const search = useDebouncedCallback((q: string) => update({ q }), 250);
  return (
    <TextInput
      aria-label="Cari KPM"
      placeholder="Cari nama (juga anggota), NIK, No. KK, ID KPM, ID DTKS, alamat, desa"
      value={text}
      autoFocus
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') search.flush();
      }}
      rightSection={
        text ? (
          <CloseButton
            aria-label="Kosongkan pencarian"
            onClick={() => {
              setText('');
              search.cancel();
              update({ q: '' });
            }}
          />
        ) : null
      }
      style={{ flex: 1 }}
    />
  );
}

export function KpmFilters({ filters, update }: Props) {
  const districts = useDistricts();
  const villages = useVillages(filters.districtCode);
  const pendamping = usePendampingOptions({ activeOnly: false });
  // A pendamping account's list holds its own families only: choosing a pendamping means nothing there.
  const seesPendamping = useSession().can(PENDAMPING_DUTIES.view);
  return (
    <SimpleGrid cols={7 + NUMBER_FIELDS.length} spacing="sm">
      <Select
        label="Kecamatan"
        placeholder="Semua"
        data={regionOptions(districts.data)}
        value={filters.districtCode}
        onChange={(v) => update({ districtCode: v, villageCode: null })}
        searchable
        clearable
      />
      <Select
        label="Desa/kelurahan"
        placeholder={filters.districtCode ? 'Semua' : 'Pilih kecamatan'}
        data={regionOptions(villages.data)}
        value={filters.villageCode}
        onChange={(v) => update({ villageCode: v })}
        disabled={!filters.districtCode}
        searchable
        clearable
      />
      {seesPendamping && (
        <Select
          label="Pendamping"
          placeholder="Semua"
          data={pendamping}
          value={filters.pendampingId === null ? null : String(filters.pendampingId)}
          onChange={(v) => update({ pendampingId: v ? Number(v) : null })}
          searchable
          clearable
        />
      )}
      <Select
        label="Status"
        placeholder="Semua"
        data={statusOptions}
        value={filters.status}
        onChange={(v) => update({ status: v as KpmStatus | null })}
        clearable
      />
      <Select
        label="Komponen"
        placeholder="Semua"
        data={komponenOptions}
        value={filters.komponen}
        onChange={(v) => update({ komponen: v as Komponen | null })}
        clearable
      />
      <Select
        label="Tahap graduasi"
        placeholder="Semua"
        data={GRADUATION_STAGE_FILTER.map((value) => ({ value, label: GRADUATION_STAGE_FILTER_LABEL[value] }))}
        value={filters.graduationStage}
        onChange={(v) => update({ graduationStage: v as GraduationStageFilter | null })}
        clearable
      />
      <Select
        label="ID KPM"
        placeholder="Semua"
        data={[{ value: 'kosong', label: 'Tanpa ID KPM' }]}
        value={filters.missingIdKpm ? 'kosong' : null}
        onChange={(v) => update({ missingIdKpm: v === 'kosong' })}
        clearable
      />
      {NUMBER_FIELDS.map((key) => (
        <Select
          key={key}
          label={numberSpec(key).label}
          placeholder="Semua"
          data={numberOptions(key)}
          value={filters[key] === null ? null : String(filters[key])}
          onChange={(v) => update({ [key]: v ? Number(v) : null })}
          clearable
        />
      ))}
    </SimpleGrid>
  );
}

/** Each value of a number field (desil 1 to 10). */
function numberOptions(key: (typeof NUMBER_FIELDS)[number]) {
  const { min, max } = numberSpec(key);
  return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
}

export function hasFilters(filters: Filters): boolean {
  return Boolean(
    NUMBER_FIELDS.some((key) => filters[key] !== null) ||
      filters.districtCode ||
      filters.villageCode ||
      filters.pendampingId !== null ||
      filters.status ||
      filters.komponen ||
      filters.graduationStage ||
      filters.missingIdKpm,
  );
}

export const NO_FILTERS = {
  districtCode: null,
  villageCode: null,
  pendampingId: null,
  status: null,
  komponen: null,
  graduationStage: null,
  missingIdKpm: false,
  ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, null])),
} as const;
