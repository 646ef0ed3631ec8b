import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { usePendampingList } from './use-pendamping';

type PendampingRow = OutputOf<'pendamping.list'>[number];

interface Props {
  from: PendampingRow | null;
  onClose: () => void;
}

/** Hands every active family of one pendamping to another, e.g. when a pendamping leaves. */
export function MoveAllModal({ from, onClose }: Props) {
  return (
    <Modal opened={from !== null} onClose={onClose} title="Pindahkan semua KPM">
      {from && <MoveAllForm from={from} onDone={onClose} />}
    </Modal>
  );
}

function MoveAllForm({ from, onDone }: { from: PendampingRow; onDone: () => void }) {
  const list = usePendampingList();
  const queryClient = useQueryClient();
  const reassign = useApiMutation('pendamping.reassign');
  const [target, setTarget] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = (list.data ?? [])
    .filter((p) => p.active && p.id !== from.id)
    .map((p) => ({ value: String(p.id), label: `${p.name} (${formatNumber(p.activeKpm)} KPM aktif)` }));
  const targetName = list.data?.find((p) => String(p.id) === target)?.name;
  const count = formatNumber(from.activeKpm);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setFailure(null);
    try {
      const { moved } = await reassign.mutateAsync({ toPendampingId: Number(target), fromPendampingId: from.id });
      notifySuccess(`${formatNumber(moved)} KPM dipindahkan dari ${from.name} ke ${targetName}.`);
      await queryClient.invalidateQueries();
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          Semua KPM aktif yang didampingi <b>{from.name}</b> ({count} KPM) dipindahkan ke pendamping lain.
        </Text>
        <Select
          label="Pendamping tujuan"
          placeholder="Pilih pendamping aktif"
          data={options}
          value={target}
          onChange={setTarget}
          searchable
          data-autofocus
          nothingFoundMessage="Tidak ada pendamping aktif lain"
        />
        {targetName && (
          <Alert color="orange" title="Konfirmasi">
            Pindahkan {count} KPM aktif dari <b>{from.name}</b> ke <b>{targetName}</b>?
          </Alert>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" disabled={!target} loading={reassign.isPending}>
            Ya, pindahkan {count} KPM
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
