import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProposalItemRow } from '../../../main/api/decision.contract';
import { todayIso } from '../../../main/domain/format';
import { CANDIDATE_KIND_LABEL } from '../../../main/domain/graduation';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';

type Choice = { decision: 'disetujui' | 'ditolak'; rejectReason: string };

/** The penetapan: per family approve or reject (with a reason), the SK number and date. */
export function DecisionForm({ proposalId, items }: { proposalId: number; items: ProposalItemRow[] }) {
  const queryClient = useQueryClient();
  const decide = useApiMutation('decision.decide');
  const [skNumber, setSkNumber] = useState('');
  const [skDate, setSkDate] = useState(todayIso());
  const [choices, setChoices] = useState<Record<number, Choice>>(() =>
    Object.fromEntries(items.map((i) => [i.candidateId, { decision: 'disetujui', rejectReason: '' }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (id: number, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...c[id], ...patch } }));

  const submit = async () => {
    setFailure(null);
    setErrors({});
    try {
      await decide.mutateAsync({
        proposalId,
        skNumber,
        skDate,
        items: items.map((i) => ({ candidateId: i.candidateId, ...choices[i.candidateId] })),
      });
      // A decision changes families, candidates, visits and the home page's figures: every cached view is stale.
      await queryClient.invalidateQueries();
      notifySuccess('Keputusan tersimpan; status keluarga yang disetujui telah diubah.');
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) setErrors(error.fields);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h5">
          Penetapan
        </Title>
        <Group align="flex-start">
          <TextInput
            label="Nomor SK"
            withAsterisk
            value={skNumber}
            onChange={(e) => setSkNumber(e.currentTarget.value)}
            error={errors.skNumber}
          />
          <DateField
            label="Tanggal SK"
            withAsterisk
            clearable={false}
            maxDate={new Date()}
            value={skDate}
            onChange={setSkDate}
            error={errors.skDate}
          />
        </Group>
        <Table aria-label="Keputusan per keluarga">
          <Table.Tbody>
            {items.map((item) => {
              const choice = choices[item.candidateId];
              return (
                <Table.Tr key={item.candidateId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.nama}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {CANDIDATE_KIND_LABEL[item.kind]}
                      {item.kind === 'mandiri' && !item.hasStatement ? ' · surat pernyataan belum dicatat' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      aria-label={`Keputusan ${item.nama}`}
                      value={choice.decision}
                      onChange={(v) => set(item.candidateId, { decision: v as Choice['decision'] })}
                      data={[
                        { value: 'disetujui', label: 'Setujui' },
                        { value: 'ditolak', label: 'Tolak' },
                      ]}
                    />
                  </Table.Td>
                  <Table.Td>
                    {choice.decision === 'ditolak' && (
                      <TextInput
                        aria-label={`Alasan penolakan ${item.nama}`}
                        placeholder="Alasan penolakan"
                        value={choice.rejectReason}
                        onChange={(e) => set(item.candidateId, { rejectReason: e.currentTarget.value })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {failure && <Alert color="red">{failure}</Alert>}
        <Group>
          <Button onClick={submit} loading={decide.isPending}>
            Simpan keputusan
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
