import { Tabs } from '@mantine/core';
import { BUSINESS_DUTIES } from '../../main/domain/business';
import { useTab } from '../features/awards/use-tab';
import { BusinessReportView } from '../features/business/BusinessReportView';
import { CandidateLists } from '../features/business/CandidateLists';
import { KubePanel } from '../features/business/KubePanel';
import { UmkSetting } from '../features/business/UmkSetting';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['laporan', 'daftar', 'kube', 'umk'] as const;

/** Usaha graduasi: graduates' businesses per kecamatan and programme, BLK and PENA lists, the UMK. */
export function UsahaGraduasiPage() {
  const [tab, setTab] = useTab(TABS, 'laporan');
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Usaha keluarga graduasi"
        subtitle="Usaha berjalan, pendapatan dibanding UMK dan keluarga yang kembali rentan, per kecamatan dan program bantuan; daftar untuk kelas BLK dan usulan PENA."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="laporan">Laporan</Tabs.Tab>
          <Tabs.Tab value="daftar">Daftar BLK dan PENA</Tabs.Tab>
          {can(BUSINESS_DUTIES.kubeView) && <Tabs.Tab value="kube">KUBE</Tabs.Tab>}
          <Tabs.Tab value="umk">UMK</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="laporan">
          <BusinessReportView />
        </Tabs.Panel>
        <Tabs.Panel value="daftar">
          <CandidateLists />
        </Tabs.Panel>
        <Tabs.Panel value="kube">
          <KubePanel />
        </Tabs.Panel>
        <Tabs.Panel value="umk">
          <UmkSetting editable={can(BUSINESS_DUTIES.settings)} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
