import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import type { MeetingDay } from '../../../main/domain/p2k2';
import type { KpmSearchInput } from '../../../main/domain/schemas';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { FamilyPicker } from './FamilyPicker';
import { EMPTY_GROUP_FIELDS, GroupFieldInputs } from './GroupFieldInputs';
import { useP2k2Refresh } from './use-p2k2-refresh';
import { VillageFields } from './VillageFields';

interface Props {
  opened: boolean;
  districtCode: string | null;
  villageCode: string | null;
  /** The KPM list's filter: its families without a group come already picked. */
  filter?: Omit<KpmSearchInput, 'pageSize'>;
  onClose: () => void;
}

/** A new group by hand: its desa, name, pendamping, day and place, and the desa's families without a group. */
export function GroupCreateModal({ opened, districtCode, villageCode, filter, onClose }: Props) {
  const [area, setArea] = useState({ districtCode, villageCode });
  const [fields, setFields] = useState(EMPTY_GROUP_FIELDS);
  const [picked, setPicked] = useState<number[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const families = useApi(
    'p2k2.groups.ungrouped',
    { villageCode: area.villageCode ?? '', pageSize: 200 },
    { enabled: opened && !!area.villageCode },
  );
  usePickFiltered(opened, filter, families.data?.items, setPicked);
  const create = useApiMutation('p2k2.groups.create');
  const refresh = useP2k2Refresh();
  const navigate = useNavigate();
  useEffect(() => {
    if (opened) setArea({ districtCode, villageCode });
  }, [opened, districtCode, villageCode]);

  const items = families.data?.items ?? [];
  const save = () =>
    create.mutate(
      {
        ...fields,
        villageCode: area.villageCode ?? '',
        pendampingId: fields.pendampingId ? Number(fields.pendampingId) : null,
        meetingDay: (fields.meetingDay as MeetingDay | null) ?? null,
        kpmIds: picked,
        leaderKpmId: leader ? Number(leader) : null,
      },
      {
        onSuccess: async (saved) => {
          await refresh();
          const notes = [`${fields.name}: ${picked.length} KPM.`, ...saved.warnings];
          notifications.show({
            color: saved.warnings.length ? 'orange' : 'teal',
            title: 'Kelompok dibuat',
            message: notes.join(' '),
          });
          onClose();
          navigate(`/p2k2/kelompok/${saved.id}`);
        },
        onError: (error) => notifyError(error, 'Kelompok tidak dibuat'),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title="Buat kelompok P2K2" size="xl">
      <Stack>
        <VillageFields
          {...area}
          onChange={(d, v) => {
            setArea({ districtCode: d, villageCode: v });
            setPicked([]);
          }}
        />
        <GroupFieldInputs values={fields} onChange={(patch) => setFields((f) => ({ ...f, ...patch }))} />
        {area.villageCode && (
          <>
            <FamilyPicker families={items} total={families.data?.total} picked={picked} onChange={setPicked} />
            <Select
              label="Ketua kelompok"
              data={items
                .filter((f) => picked.includes(f.kpmId))
                .map((f) => ({ value: String(f.kpmId), label: f.nama }))}
              value={leader}
              onChange={setLeader}
              searchable
              clearable
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={save} loading={create.isPending} disabled={!area.villageCode || !fields.name.trim()}>
            Simpan kelompok
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Ungrouped = OutputOf<'p2k2.groups.ungrouped'>['items'];

/** Picks, once per opening, the desa's families without a group that the KPM list's filter finds. */
function usePickFiltered(
  opened: boolean,
  filter: Props['filter'],
  ungrouped: Ungrouped | undefined,
  setPicked: (ids: number[]) => void,
) {
  const found = useApi(
    'kpm.search',
    { ...filter, page: 1, pageSize: 200 },
    {
      enabled: opened && !!filter,
    },
  );
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!opened) setDone(false);
    if (!opened || done || !filter || !found.data || !ungrouped) return;
    const ids = new Set(found.data.items.map((row) => row.id));
    setPicked(ungrouped.filter((f) => ids.has(f.kpmId)).map((f) => f.kpmId));
    setDone(true);
  }, [opened, done, filter, found.data, ungrouped, setPicked]);
}
