import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { GRADUATION_DUTIES } from '../../../main/domain/decision';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { PROPOSAL_STATUS_LABEL } from '../../../main/domain/graduation';
import { ApiError } from '../../api';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage } from '../shared/errors';
import { PROPOSAL_STATUS_COLOR } from './labels';

export function ProposalList() {
  const { can } = useSession();
  const list = useApi('proposal.list', { page: 1, pageSize: 200, status: null });
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      {can(GRADUATION_DUTIES.propose) && (
        <Group>
          <Button onClick={() => setCreating(true)}>Buat usulan</Button>
        </Group>
      )}
      {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover aria-label="Daftar usulan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nomor</Table.Th>
              <Table.Th>Judul</Table.Th>
              <Table.Th>Jumlah KPM</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Disusun oleh</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/usulan/${p.id}`}>
                    {p.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>{p.itemCount}</Table.Td>
                <Table.Td>
                  <Badge color={PROPOSAL_STATUS_COLOR[p.status]} variant="light">
                    {PROPOSAL_STATUS_LABEL[p.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {p.createdByName}, {formatTanggal(p.createdAt.slice(0, 10))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.total === 0 && (
          <Text p="md" size="sm" c="dimmed">
            Belum ada usulan.
          </Text>
        )}
      </Paper>
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useApiMutation('proposal.create');
  const [year, setYear] = useState<number | string>(Number(todayIso().slice(0, 4)));
  const [title, setTitle] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    setFailure(null);
    try {
      const row = await create.mutateAsync({ year: Number(year), title });
      await queryClient.invalidateQueries({ queryKey: ['proposal.list'] });
      navigate(`/usulan/${row.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) setErrors(error.fields);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Buat usulan graduasi">
      <Stack>
        <NumberInput label="Tahun" withAsterisk min={2007} max={2100} value={year} onChange={setYear} />
        <TextInput
          label="Judul usulan"
          withAsterisk
          placeholder="Usulan graduasi tahap I"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            Buat
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
