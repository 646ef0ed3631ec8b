import { Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Period, ReportGroup } from '../../../main/domain/reports';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { regionOptions, useDistricts } from '../shared/regions';
import { AreaCharts } from './AreaCharts';
import { AreaTables } from './AreaTables';
import { PeriodFilter } from './PeriodFilter';
import { ReportFiles } from './ReportFiles';

interface Props {
  group: ReportGroup;
  period: Period;
  onPeriod: (period: Period) => void;
}

/** One area report (per kecamatan, desa or pendamping): the period, charts, the table, Excel and print. */
export function AreaReportView({ group, period, onPeriod }: Props) {
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const districts = useDistricts();
  const input = { ...period, group, districtCode: group === 'desa' ? (districtCode ?? undefined) : undefined };
  const report = useApi('reports.area', input);
  const xlsx = useApiMutation('reports.areaXlsx');
  const pdf = useApiMutation('reports.areaPdf');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <PeriodFilter period={period} onChange={onPeriod} />
          {group === 'desa' && (
            <Select
              label="Kecamatan"
              placeholder="Semua kecamatan"
              clearable
              searchable
              w={220}
              data={regionOptions(districts.data)}
              value={districtCode}
              onChange={setDistrictCode}
            />
          )}
        </Group>
        <ReportFiles title="Laporan graduasi" xlsx={() => xlsx.mutateAsync(input)} pdf={() => pdf.mutateAsync(input)} />
      </Group>
      <Loaded query={report} label="Memuat laporan">
        {(data) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Periode {data.periodLabel}
              {data.districtName ? `, Kecamatan ${data.districtName}` : ''}. KPM aktif dan calon graduasi: keadaan saat
              ini; graduasi: yang ditetapkan dengan keputusan; target: target tahun {data.period.year}.
            </Text>
            <AreaCharts report={data} />
            <AreaTables report={data} />
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
