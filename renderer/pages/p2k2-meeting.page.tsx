import { Button } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { P2K2_DUTIES } from '../../main/domain/duties';
import { formatTanggal } from '../../main/domain/format';
import { groupTitle } from '../../main/domain/p2k2-labels';
import { MeetingForm } from '../features/p2k2/MeetingForm';
import { useSession } from '../features/session/session';
import { useApi } from '../features/shared/api-hooks';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

/** /p2k2/pertemuan/baru?kelompok=ID records a meeting; /p2k2/pertemuan/ID shows one and corrects it. */
export function P2k2MeetingPage() {
  const param = useParams().id;
  const [search] = useSearchParams();
  const meetingId = param === 'baru' ? null : Number(param);
  const { can } = useSession();
  const meeting = useApi('p2k2.meetings.get', { id: meetingId ?? 0 }, { enabled: meetingId !== null });
  const groupId = meetingId === null ? Number(search.get('kelompok')) : meeting.data?.groupId;
  const group = useApi('p2k2.groups.get', { id: groupId ?? 0 }, { enabled: !!groupId });
  const both = {
    data: group.data && (meetingId === null || meeting.data) ? group.data : undefined,
    error: group.error ?? meeting.error,
  };
  return (
    <Loaded query={both} label="Memuat pertemuan" errorTitle="Pertemuan tidak dapat dibuka">
      {(g) => (
        <>
          <PageHeader
            back={{ to: `/p2k2/kelompok/${g.id}?tab=pertemuan`, label: groupTitle(g.name) }}
            title={meeting.data ? `Pertemuan ${formatTanggal(meeting.data.heldOn)}` : 'Catat pertemuan P2K2'}
            subtitle={`${groupTitle(g.name)}, ${g.villageName}`}
            actions={
              meetingId !== null &&
              can(P2K2_DUTIES.record) && (
                <Button component={Link} to={`/p2k2/pertemuan/${meetingId}/pindai`} variant="default">
                  Daftar hadir: cetak dan pindai
                </Button>
              )
            }
          />
          <MeetingForm
            key={meeting.data?.updatedAt ?? 'baru'}
            group={g}
            meeting={meeting.data ?? null}
            editable={can(P2K2_DUTIES.recordOwn)}
          />
        </>
      )}
    </Loaded>
  );
}
