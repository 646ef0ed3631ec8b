import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { P2K2_AREA_LABEL, P2K2_REPORT_AREAS, type P2k2ReportArea } from '../../../main/domain/p2k2-reports';
import type { Period } from '../../../main/domain/reports';
import { PeriodFilter } from '../reports/PeriodFilter';
import { ReportFiles } from '../reports/ReportFiles';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { P2k2Table } from './P2k2Table';

/** The P2K2 report per kelompok, desa, kecamatan or pendamping for a month or a year, on screen, as xlsx and print. */
export function P2k2ReportView({ period, onPeriod }: { period: Period; onPeriod: (p: Period) => void }) {
  const [area, setArea] = useState<P2k2ReportArea>('kecamatan');
  const input = { ...period, area };
  const report = useApi('p2k2Reports.report', input);
  const xlsx = useApiMutation('p2k2Reports.reportXlsx');
  const pdf = useApiMutation('p2k2Reports.reportPdf');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SegmentedControl
            aria-label="Kelompokkan per"
            value={area}
            onChange={(v) => setArea(v as P2k2ReportArea)}
            data={P2K2_REPORT_AREAS.map((a) => ({ value: a, label: P2K2_AREA_LABEL[a] }))}
          />
          <PeriodFilter period={period} onChange={onPeriod} />
        </Group>
        <ReportFiles title="Laporan P2K2" xlsx={() => xlsx.mutateAsync(input)} pdf={() => pdf.mutateAsync(input)} />
      </Group>
      <Loaded query={report} label="Memuat laporan P2K2">
        {(data) => (
          <Stack gap={4}>
            <P2k2Table report={data} />
            <Text size="xs" c="dimmed">
              Tingkat kehadiran: hadir dibagi kehadiran yang sudah ditandai. Tidak pernah hadir: KPM yang ditandai pada
              sesi periode ini tetapi tidak satu kali pun hadir.
            </Text>
          </Stack>
        )}
      </Loaded>
    </Stack>
  );
}
