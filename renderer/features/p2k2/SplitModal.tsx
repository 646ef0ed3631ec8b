import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { MeetingDay } from '../../../main/domain/p2k2';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { DAY_OPTIONS } from './GroupFieldInputs';
import { useP2k2Refresh } from './use-p2k2-refresh';
import { VillageFields } from './VillageFields';

interface Props {
  opened: boolean;
  districtCode: string | null;
  villageCode: string | null;
  onClose: () => void;
}

/** Every family of a desa without a group, into groups of at most the chosen size, in one step. */
export function SplitModal({ opened, districtCode, villageCode, onClose }: Props) {
  const [area, setArea] = useState({ districtCode, villageCode });
  const [size, setSize] = useState<number | string>(25);
  const [namePrefix, setNamePrefix] = useState('Kelompok');
  const [pendampingId, setPendampingId] = useState<string | null>(null);
  const [meetingDay, setMeetingDay] = useState<string | null>(null);
  const pendamping = usePendampingOptions({ activeOnly: true });
  const ungrouped = useApi(
    'p2k2.groups.ungrouped',
    { villageCode: area.villageCode ?? '', pageSize: 1 },
    { enabled: opened && !!area.villageCode },
  );
  const split = useApiMutation('p2k2.groups.split');
  const refresh = useP2k2Refresh();
  useEffect(() => {
    if (opened) setArea({ districtCode, villageCode });
  }, [opened, districtCode, villageCode]);
  const count = ungrouped.data?.total ?? 0;
  const groups = Number(size) > 0 ? Math.ceil(count / Number(size)) : 0;

  const run = () =>
    split.mutate(
      {
        villageCode: area.villageCode ?? '',
        size: Number(size),
        namePrefix,
        pendampingId: pendampingId ? Number(pendampingId) : null,
        meetingDay: (meetingDay as MeetingDay | null) ?? null,
      },
      {
        onSuccess: async (result) => {
          await refresh();
          notifications.show({
            color: 'teal',
            title: 'Kelompok dibuat',
            message: result.groups.map((g) => `${g.name} (${g.size} KPM)`).join(', '),
          });
          for (const warning of result.warnings)
            notifications.show({ color: 'orange', title: 'Perhatian', message: warning });
          onClose();
        },
        onError: (error) => notifyError(error, 'Pembagian gagal'),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title="Bagi KPM desa ke kelompok" size="lg">
      <Stack>
        <VillageFields {...area} onChange={(d, v) => setArea({ districtCode: d, villageCode: v })} />
        <Group grow>
          <NumberInput label="KPM per kelompok (paling banyak)" value={size} onChange={setSize} min={2} max={100} />
          <TextInput label="Awalan nama" value={namePrefix} onChange={(e) => setNamePrefix(e.currentTarget.value)} />
        </Group>
        <Group grow>
          <Select
            label="Pendamping"
            data={pendamping}
            value={pendampingId}
            onChange={setPendampingId}
            searchable
            clearable
          />
          <Select label="Hari pertemuan" data={DAY_OPTIONS} value={meetingDay} onChange={setMeetingDay} clearable />
        </Group>
        {area.villageCode && (
          <Text size="sm" aria-live="polite">
            {count} KPM tanpa kelompok akan dibagi ke {groups} kelompok.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={run} loading={split.isPending} disabled={!area.villageCode || count === 0}>
            Bagi ke {groups} kelompok
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
