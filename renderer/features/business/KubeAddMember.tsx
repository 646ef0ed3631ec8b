import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { useGraduateOptions } from './use-graduate-options';

interface Props {
  kubeId: number;
  kubeName: string;
  memberIds: readonly number[];
}

/** Adds one graduated family to a formed KUBE; the service refuses an 11th member or one of another KUBE. */
export function KubeAddMember({ kubeId, kubeName, memberIds }: Props) {
  const [q, setQ] = useState('');
  const [kpmId, setKpmId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = useApiMutation('business.addKubeMember');
  const queryClient = useQueryClient();
  const options = useGraduateOptions(q).filter((o) => !memberIds.includes(Number(o.value)));
  const submit = async () => {
    setFailure(null);
    if (!kpmId) {
      setFailure('Pilih keluarga graduasi yang akan ditambahkan.');
      return;
    }
    try {
      const kube = await add.mutateAsync({ kubeId, kpmId: Number(kpmId) });
      await queryClient.invalidateQueries({ queryKey: ['business.kube'] });
      notifySuccess(`Keluarga ditambahkan ke ${kubeName}; anggota sekarang ${kube.members.length} keluarga.`);
      setKpmId(null);
      setQ('');
    } catch (error) {
      setFailure(`Keluarga tidak dapat ditambahkan ke ${kubeName}. ${errorMessage(error)}`);
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label="Keluarga graduasi"
          placeholder="Cari nama keluarga"
          searchable
          clearable
          searchValue={q}
          onSearchChange={setQ}
          data={options}
          value={kpmId}
          onChange={setKpmId}
          nothingFoundMessage="Tidak ada keluarga graduasi dengan nama itu"
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={submit} loading={add.isPending}>
          Tambah anggota
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
