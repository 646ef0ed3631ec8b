import { Tabs } from '@mantine/core';
import { useTab } from '../features/awards/use-tab';
import { CurriculumEditor } from '../features/p2k2/CurriculumEditor';
import { GroupList } from '../features/p2k2/GroupList';
import { MeetingList } from '../features/p2k2/MeetingList';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['kelompok', 'pertemuan', 'materi'] as const;

/** P2K2: the groups, the meetings held and the curriculum (the sheet and the reports add their own tabs). */
export function P2k2Page() {
  const [tab, setTab] = useTab(TABS, 'kelompok');
  return (
    <>
      <PageHeader
        title="P2K2"
        subtitle="Pertemuan Peningkatan Kemampuan Keluarga: kelompok KPM per desa, rencana tahunan, dan catatan pertemuan."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kelompok">Kelompok</Tabs.Tab>
          <Tabs.Tab value="pertemuan">Pertemuan</Tabs.Tab>
          <Tabs.Tab value="materi">Materi</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kelompok">
          <GroupList />
        </Tabs.Panel>
        <Tabs.Panel value="pertemuan">
          <MeetingList groupId={null} />
        </Tabs.Panel>
        <Tabs.Panel value="materi">
          <CurriculumEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
