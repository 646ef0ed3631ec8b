import { Tabs } from '@mantine/core';
import { AwardReport } from '../features/awards/AwardReport';
import { Catalogue } from '../features/awards/Catalogue';
import { ProgramList } from '../features/awards/ProgramList';
import { useTab } from '../features/awards/use-tab';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['program', 'katalog', 'laporan'] as const;

export function AwardsPage() {
  const [tab, setTab] = useTab(TABS, 'program');
  return (
    <>
      <PageHeader
        title="Bantuan usaha"
        subtitle="Program bantuan usaha bagi KPM yang telah graduasi: pagu, paket barang, persetujuan, serah terima dengan BAST, dan laporan."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="program">Program</Tabs.Tab>
          <Tabs.Tab value="katalog">Katalog barang</Tabs.Tab>
          <Tabs.Tab value="laporan">Laporan bantuan</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="program">
          <ProgramList />
        </Tabs.Panel>
        <Tabs.Panel value="katalog">
          <Catalogue />
        </Tabs.Panel>
        <Tabs.Panel value="laporan">
          <AwardReport />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
