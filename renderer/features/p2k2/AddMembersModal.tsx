import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess } from '../shared/errors';
import { FamilyPicker } from './FamilyPicker';
import { useP2k2Refresh } from './use-p2k2-refresh';

type GroupDetail = OutputOf<'p2k2.groups.get'>;

/** Families of the group's desa without a group, to add to it. */
export function AddMembersModal({
  group,
  opened,
  onClose,
}: {
  group: GroupDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const [picked, setPicked] = useState<number[]>([]);
  const families = useApi(
    'p2k2.groups.ungrouped',
    { villageCode: group.villageCode, pageSize: 200 },
    { enabled: opened },
  );
  const add = useApiMutation('p2k2.groups.addMembers');
  const refresh = useP2k2Refresh();
  const save = () =>
    add.mutate(
      { groupId: group.id, kpmIds: picked },
      {
        onSuccess: async (saved) => {
          await refresh();
          notifySuccess([`${picked.length} KPM ditambahkan.`, ...saved.warnings].join(' '));
          setPicked([]);
          onClose();
        },
        onError: (error) => notifyError(error),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={`Tambah anggota ${group.name}`} size="lg">
      <Stack>
        <FamilyPicker
          families={families.data?.items ?? []}
          total={families.data?.total}
          picked={picked}
          onChange={setPicked}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={save} disabled={picked.length === 0} loading={add.isPending}>
            Tambahkan {picked.length} KPM
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
