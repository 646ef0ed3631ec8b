import { MultiSelect, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { statusOptions } from '../kpm/labels';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { DateField } from '../shared/DateField';
import { regionOptions, useDistricts, useVillages } from '../shared/regions';
import { outcomeOptions, stageOptions } from './labels';
import { patchFilters, periodError, type TemplateForm } from './template-form';

/** Which families or rows the file holds: status, stage, proposal status, period, kecamatan, desa, pendamping. */
export function FilterFields({ form }: { form: TemplateForm }) {
  const { filters, kind } = form.values;
  const districts = useDistricts();
  const villages = useVillages(filters.kecamatanCode);
  const pendamping = usePendampingOptions({ activeOnly: false });
  const stages = stageOptions(kind);
  const set = (patch: Parameters<typeof patchFilters>[1]) => patchFilters(form, patch);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Filter
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <MultiSelect
            label="Status KPM"
            placeholder={filters.status?.length ? undefined : 'Semua'}
            data={statusOptions}
            value={filters.status ?? []}
            onChange={(v) => set({ status: v })}
            clearable
          />
          {stages.length > 0 && (
            <Select
              label="Tahap"
              placeholder="Semua"
              data={stages}
              value={filters.stage ?? null}
              onChange={(v) => set({ stage: v })}
              clearable
            />
          )}
          {kind === 'graduation' && (
            <MultiSelect
              label="Status usulan"
              placeholder={filters.outcome?.length ? undefined : 'Semua calon'}
              data={outcomeOptions}
              value={filters.outcome ?? []}
              onChange={(v) => set({ outcome: v })}
              clearable
            />
          )}
          <DateField label="Periode dari" value={filters.periodFrom} onChange={(v) => set({ periodFrom: v })} />
          <DateField
            label="Periode sampai"
            value={filters.periodTo}
            onChange={(v) => set({ periodTo: v })}
            error={periodError(filters)}
          />
          <Select
            label="Kecamatan"
            placeholder="Semua"
            data={regionOptions(districts.data)}
            value={filters.kecamatanCode ?? null}
            onChange={(v) => set({ kecamatanCode: v, desaCode: null })}
            searchable
            clearable
          />
          <Select
            label="Desa/kelurahan"
            placeholder={filters.kecamatanCode ? 'Semua' : 'Pilih kecamatan'}
            data={regionOptions(villages.data)}
            value={filters.desaCode ?? null}
            onChange={(v) => set({ desaCode: v })}
            disabled={!filters.kecamatanCode}
            searchable
            clearable
          />
          <Select
            label="Pendamping"
            placeholder="Semua"
            data={pendamping}
            value={filters.pendampingId ? String(filters.pendampingId) : null}
            onChange={(v) => set({ pendampingId: v ? Number(v) : null })}
            searchable
            clearable
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
