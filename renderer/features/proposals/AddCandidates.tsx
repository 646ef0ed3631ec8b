import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CANDIDATE_KIND_LABEL } from '../../../main/domain/graduation';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

/** Verified candidates in no proposal yet, to add to a draft. */
export function AddCandidates({ proposalId }: { proposalId: number }) {
  const queryClient = useQueryClient();
  const available = useApi('proposal.proposable', { page: 1, pageSize: 200 });
  const add = useApiMutation('proposal.add');
  const [selected, setSelected] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const items = available.data?.items ?? [];
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const submit = async () => {
    setFailure(null);
    try {
      const { added } = await add.mutateAsync({ proposalId, candidateIds: selected });
      setSelected([]);
      await queryClient.invalidateQueries({ queryKey: ['proposal.get'] });
      await queryClient.invalidateQueries({ queryKey: ['proposal.proposable'] });
      notifySuccess(`${added} calon ditambahkan ke usulan.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Calon terverifikasi yang belum diusulkan
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Tidak ada calon terverifikasi yang belum masuk usulan.
          </Text>
        ) : (
          <Table aria-label="Calon terverifikasi">
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.candidateId}>
                  <Table.Td w={40}>
                    <Checkbox
                      aria-label={`Pilih ${c.nama}`}
                      checked={selected.includes(c.candidateId)}
                      onChange={() => toggle(c.candidateId)}
                    />
                  </Table.Td>
                  <Table.Td>{c.nama}</Table.Td>
                  <Table.Td>{CANDIDATE_KIND_LABEL[c.kind]}</Table.Td>
                  <Table.Td>skor {c.lastScore ?? '-'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group>
          <Button onClick={submit} disabled={selected.length === 0} loading={add.isPending}>
            Tambahkan {selected.length > 0 ? `${selected.length} calon` : ''}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
