import { Tabs } from '@mantine/core';
import { VERKOM_DUTIES } from '../../main/domain/duties';
import { useTab } from '../features/awards/use-tab';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';
import { HealthSheetImport } from '../features/verkom/HealthSheetImport';
import { NonCompliantList } from '../features/verkom/NonCompliantList';
import { SchoolFormImport } from '../features/verkom/SchoolFormImport';
import { ThresholdSetting } from '../features/verkom/ThresholdSetting';

const TABS = ['triwulan', 'sekolah', 'kesehatan', 'ambang'] as const;

/** Verifikasi komitmen: the quarter's non-compliant families, the school forms, the health sheet, the threshold. */
export function VerkomPage() {
  const [tab, setTab] = useTab(TABS, 'triwulan');
  const session = useSession();
  return (
    <>
      <PageHeader
        title="Verifikasi komitmen"
        subtitle="Kehadiran sekolah dari daftar hadir sekolah dan pemeriksaan kesehatan per anggota dan bulan; KPM yang tidak memenuhi komitmen per triwulan dan pendamping."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="triwulan">Tidak memenuhi komitmen</Tabs.Tab>
          {session.can(VERKOM_DUTIES.import) && <Tabs.Tab value="sekolah">Impor daftar hadir sekolah</Tabs.Tab>}
          {session.can(VERKOM_DUTIES.record) && <Tabs.Tab value="kesehatan">Lembar kesehatan</Tabs.Tab>}
          <Tabs.Tab value="ambang">Ambang kehadiran</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="triwulan">
          <NonCompliantList />
        </Tabs.Panel>
        <Tabs.Panel value="sekolah">
          <SchoolFormImport />
        </Tabs.Panel>
        <Tabs.Panel value="kesehatan">
          <HealthSheetImport />
        </Tabs.Panel>
        <Tabs.Panel value="ambang">
          <ThresholdSetting />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
