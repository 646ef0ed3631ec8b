import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import type { MeetingDay } from '../../../main/domain/p2k2';
import { usePendampingOptions } from '../pendamping/use-pendamping';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess } from '../shared/errors';
import { DAY_OPTIONS } from './GroupFieldInputs';
import { useP2k2Refresh } from './use-p2k2-refresh';

type GroupDetail = OutputOf<'p2k2.groups.get'>;

/** "Ubah kelompok": name, pendamping, ketua (one of its families), day, place, active. */
export function GroupEditButton({ group }: { group: GroupDetail }) {
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState(() => fieldsOf(group));
  const pendamping = usePendampingOptions({ activeOnly: false });
  const update = useApiMutation('p2k2.groups.update');
  const refresh = useP2k2Refresh();
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const save = () =>
    update.mutate(
      {
        id: group.id,
        villageCode: group.villageCode,
        name: values.name,
        pendampingId: values.pendampingId ? Number(values.pendampingId) : null,
        leaderKpmId: values.leader ? Number(values.leader) : null,
        meetingDay: (values.meetingDay as MeetingDay | null) ?? null,
        meetingPlace: values.meetingPlace,
        active: values.active,
      },
      {
        onSuccess: async (saved) => {
          await refresh();
          notifySuccess(saved.warnings.join(' ') || 'Kelompok disimpan.');
          setOpened(false);
        },
        onError: (error) => notifyError(error, 'Kelompok tidak disimpan'),
      },
    );
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setValues(fieldsOf(group));
          setOpened(true);
        }}
      >
        Ubah kelompok
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Ubah kelompok ${group.name}`}>
        <Stack>
          <TextInput label="Nama kelompok" value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <Select
            label="Pendamping"
            data={pendamping}
            value={values.pendampingId}
            onChange={(v) => set({ pendampingId: v })}
            clearable
            searchable
          />
          <Select
            label="Ketua kelompok"
            data={group.members.map((m) => ({ value: String(m.kpmId), label: m.nama }))}
            value={values.leader}
            onChange={(v) => set({ leader: v })}
            clearable
            searchable
          />
          <Select
            label="Hari pertemuan"
            data={DAY_OPTIONS}
            value={values.meetingDay}
            onChange={(v) => set({ meetingDay: v })}
            clearable
          />
          <TextInput
            label="Tempat pertemuan"
            value={values.meetingPlace}
            onChange={(e) => set({ meetingPlace: e.currentTarget.value })}
          />
          <Switch
            label="Kelompok aktif"
            checked={values.active}
            onChange={(e) => set({ active: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Batal
            </Button>
            <Button onClick={save} loading={update.isPending}>
              Simpan
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function fieldsOf(group: GroupDetail) {
  return {
    name: group.name,
    pendampingId: group.pendampingId ? String(group.pendampingId) : null,
    leader: group.leaderKpmId ? String(group.leaderKpmId) : null,
    meetingDay: group.meetingDay as string | null,
    meetingPlace: group.meetingPlace,
    active: group.active,
  };
}
