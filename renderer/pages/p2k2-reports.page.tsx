import { Tabs } from '@mantine/core';
import { useTab } from '../features/awards/use-tab';
import { AbsenceList } from '../features/p2k2-reports/AbsenceList';
import { P2k2ReportView } from '../features/p2k2-reports/P2k2ReportView';
import { SiksPanel } from '../features/p2k2-reports/SiksPanel';
import { usePeriod } from '../features/reports/PeriodFilter';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['laporan', 'alfa', 'siks'] as const;

/** Laporan P2K2: sessions and attendance per area, the absence follow-up with its warnings, and SIKS-NG's texts. */
export function P2k2ReportsPage() {
  const [tab, setTab] = useTab(TABS, 'laporan');
  const [period, setPeriod] = usePeriod();
  return (
    <>
      <PageHeader
        title="Laporan P2K2"
        subtitle="Sesi yang direncanakan dan dilaksanakan, kehadiran dan penilaian per kelompok, desa, kecamatan dan pendamping; KPM yang alfa dua bulan berturut-turut; teks untuk SIKS-NG."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="laporan">Laporan</Tabs.Tab>
          <Tabs.Tab value="alfa">Tindak lanjut alfa</Tabs.Tab>
          <Tabs.Tab value="siks">SIKS-NG</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="laporan">
          <P2k2ReportView period={period} onPeriod={setPeriod} />
        </Tabs.Panel>
        <Tabs.Panel value="alfa">
          <AbsenceList period={period} onPeriod={setPeriod} />
        </Tabs.Panel>
        <Tabs.Panel value="siks">
          <SiksPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
