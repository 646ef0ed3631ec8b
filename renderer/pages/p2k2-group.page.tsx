import { Button, Group, Stack, Tabs } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { P2K2_DUTIES } from '../../main/domain/duties';
import { groupTitle, MEETING_DAY_LABEL } from '../../main/domain/p2k2-labels';
import { useTab } from '../features/awards/use-tab';
import { GroupEditButton } from '../features/p2k2/GroupEditModal';
import { GroupMembers } from '../features/p2k2/GroupMembers';
import { MeetingList } from '../features/p2k2/MeetingList';
import { PlanEditor } from '../features/p2k2/PlanEditor';
import { useSession } from '../features/session/session';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

const TABS = ['anggota', 'rencana', 'pertemuan'] as const;

/** One group: its families (with their history), the year's plan and its meetings. */
export function P2k2GroupPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const query = useApi('p2k2.groups.get', { id });
  const [tab, setTab] = useTab(TABS, 'anggota');
  return (
    <Loaded query={query} label="Memuat kelompok" errorTitle="Kelompok tidak dapat dibuka">
      {(group) => (
        <Stack gap="sm">
          <PageHeader
            back={{ to: '/p2k2', label: 'Kelompok P2K2' }}
            title={groupTitle(group.name)}
            subtitle={[
              `${group.villageName}, ${group.districtName}`,
              `Pendamping: ${group.pendampingName ?? '-'}`,
              `Ketua: ${group.leaderName ?? '-'}`,
              group.meetingDay ? `Hari: ${MEETING_DAY_LABEL[group.meetingDay]}` : null,
              group.meetingPlace ? `Tempat: ${group.meetingPlace}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            actions={
              can(P2K2_DUTIES.recordOwn) && (
                <Group>
                  {can(P2K2_DUTIES.record) && <GroupEditButton group={group} />}
                  <Button component={Link} to={`/p2k2/pertemuan/baru?kelompok=${group.id}`}>
                    Catat pertemuan
                  </Button>
                </Group>
              )
            }
          />
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="anggota">Anggota ({group.members.length})</Tabs.Tab>
              <Tabs.Tab value="rencana">Rencana tahunan</Tabs.Tab>
              <Tabs.Tab value="pertemuan">Pertemuan</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="anggota">
              <GroupMembers group={group} />
            </Tabs.Panel>
            <Tabs.Panel value="rencana">
              <PlanEditor group={group} />
            </Tabs.Panel>
            <Tabs.Panel value="pertemuan">
              <MeetingList groupId={group.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Loaded>
  );
}
