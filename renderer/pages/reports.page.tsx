import { Tabs } from '@mantine/core';
import { useTab } from '../features/awards/use-tab';
import { AreaReportView } from '../features/reports/AreaReportView';
import { PendampingReportView } from '../features/reports/PendampingReportView';
import { usePeriod } from '../features/reports/PeriodFilter';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['kecamatan', 'desa', 'pendamping', 'kinerja'] as const;

/** Laporan: the reports per kecamatan, desa and pendamping, and one pendamping's report. */
export function ReportsPage() {
  const [tab, setTab] = useTab(TABS, 'kecamatan');
  const [period, setPeriod] = usePeriod();
  return (
    <>
      <PageHeader
        title="Laporan"
        subtitle="KPM aktif, graduasi menurut jenis, target dan capaian, calon graduasi, kunjungan pemantauan dan bantuan, per wilayah dan per pendamping."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kecamatan">Per kecamatan</Tabs.Tab>
          <Tabs.Tab value="desa">Per desa</Tabs.Tab>
          <Tabs.Tab value="pendamping">Per pendamping</Tabs.Tab>
          <Tabs.Tab value="kinerja">Laporan pendamping</Tabs.Tab>
        </Tabs.List>
        {(['kecamatan', 'desa', 'pendamping'] as const).map((group) => (
          <Tabs.Panel key={group} value={group}>
            <AreaReportView group={group} period={period} onPeriod={setPeriod} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="kinerja">
          <PendampingReportView period={period} onPeriod={setPeriod} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
