import { Alert, Button, Stack, Table } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { KubeDetail } from '../../../main/api/business.contract';
import { type KpmStatus, STATUS_LABEL } from '../../../main/domain/enums';
import { useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifySuccess } from '../shared/errors';

type Member = KubeDetail['members'][number];

/** A KUBE's families; "Keluarkan" asks first, and the service refuses leaving fewer than the minimum. */
export function KubeMembers({ kube, editable }: { kube: KubeDetail; editable: boolean }) {
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useApiMutation('business.removeKubeMember');
  const queryClient = useQueryClient();
  const confirm = async () => {
    if (!leaving) return;
    setFailure(null);
    try {
      await remove.mutateAsync({ kubeId: kube.id, kpmId: leaving.kpmId });
      await queryClient.invalidateQueries({ queryKey: ['business.kube'] });
      notifySuccess(`${leaving.nama} dikeluarkan dari ${kube.name}.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
    setLeaving(null);
  };
  return (
    <Stack gap="xs">
      <Table aria-label={`Anggota KUBE ${kube.name}`} verticalSpacing={4}>
        <Table.Tbody>
          {kube.members.map((m) => (
            <Table.Tr key={m.kpmId}>
              <Table.Td>{m.nama}</Table.Td>
              <Table.Td>{STATUS_LABEL[m.status as KpmStatus] ?? m.status}</Table.Td>
              {editable && (
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" color="red" onClick={() => setLeaving(m)}>
                    Keluarkan
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <ConfirmModal
        opened={leaving !== null}
        title={`Keluarkan ${leaving?.nama ?? ''} dari ${kube.name}?`}
        confirmLabel="Ya, keluarkan"
        loading={remove.isPending}
        onConfirm={confirm}
        onClose={() => setLeaving(null)}
      >
        Keluarga ini tidak lagi tercatat sebagai anggota KUBE. Aset tetap milik KUBE.
      </ConfirmModal>
    </Stack>
  );
}
