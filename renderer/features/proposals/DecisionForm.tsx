import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProposalItemRow } from '../../../main/api/proposal.contract';
import { formatNames, formatNumber, todayIso } from '../../../main/domain/format';
import { CANDIDATE_KIND_LABEL } from '../../../main/domain/graduation';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';

type Verdict = 'approved' | 'rejected';
/** A family starts undecided: a decree changes families' status, so each answer is the decider's own click. */
type Choice = { decision: Verdict | null; rejectReason: string };

/** The penetapan: per family approve or reject (with a reason), the SK number and date; confirmed before saving. */
export function DecisionForm({ proposalId, items }: { proposalId: number; items: ProposalItemRow[] }) {
  const queryClient = useQueryClient();
  const decide = useApiMutation('decision.decide');
  const [skNumber, setSkNumber] = useState('');
  const [skDate, setSkDate] = useState(todayIso());
  const [choices, setChoices] = useState<Record<number, Choice>>(() =>
    Object.fromEntries(items.map((i) => [i.candidateId, { decision: null, rejectReason: '' }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const set = (id: number, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...c[id], ...patch } }));
  const approved = items.filter((i) => choices[i.candidateId].decision === 'approved').length;
  const rejected = items.filter((i) => choices[i.candidateId].decision === 'rejected').length;
  const undecided = items.filter((i) => choices[i.candidateId].decision === null);

  const review = () => {
    setFailure(null);
    setErrors({});
    if (undecided.length > 0) {
      setFailure(
        `Keputusan untuk ${formatNames(undecided.map((i) => i.nama))} belum dipilih: pilih Setujui atau Tolak untuk setiap keluarga.`,
      );
      return;
    }
    setConfirming(true);
  };

  const save = async () => {
    try {
      await decide.mutateAsync({
        proposalId,
        skNumber,
        skDate,
        items: items.map((i) => {
          const { decision, rejectReason } = choices[i.candidateId];
          return { candidateId: i.candidateId, decision: decision as Verdict, rejectReason };
        }),
      });
      // A decision changes families, candidates, visits and the home page's figures: every cached view is stale.
      await queryClient.invalidateQueries();
      notifySuccess('Keputusan tersimpan; status keluarga yang disetujui telah diubah.');
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) setErrors(error.fields);
    }
    setConfirming(false);
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h5">
          Penetapan
        </Title>
        <SkFields skNumber={skNumber} onSkNumber={setSkNumber} skDate={skDate} onSkDate={setSkDate} errors={errors} />
        <DecisionTally
          approved={approved}
          rejected={rejected}
          undecided={undecided.length}
          onApproveRest={() => {
            for (const i of undecided) set(i.candidateId, { decision: 'approved' });
          }}
        />
        <Table aria-label="Keputusan per keluarga">
          <Table.Tbody>
            {items.map((item) => (
              <FamilyRow
                key={item.candidateId}
                item={item}
                choice={choices[item.candidateId]}
                onChange={(patch) => set(item.candidateId, patch)}
              />
            ))}
          </Table.Tbody>
        </Table>
        {failure && <Alert color="red">{failure}</Alert>}
        <Group>
          <Button onClick={review} loading={decide.isPending}>
            Simpan keputusan
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Simpan keputusan?"
        confirmLabel="Ya, simpan keputusan"
        color="blue"
        loading={decide.isPending}
        onConfirm={save}
      >
        {`${formatNumber(approved)} keluarga disetujui dan ${formatNumber(rejected)} ditolak dengan SK ${skNumber.trim() || '(nomor belum diisi)'}. `}
        Status keluarga yang disetujui langsung berubah menjadi graduasi.
      </ConfirmModal>
    </Paper>
  );
}

/** The decree's number and date. */
function SkFields({
  skNumber,
  onSkNumber,
  skDate,
  onSkDate,
  errors,
}: {
  skNumber: string;
  onSkNumber: (value: string) => void;
  skDate: string;
  onSkDate: (value: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <Group align="flex-start">
      <TextInput
        label="Nomor SK"
        withAsterisk
        w={340}
        placeholder="mis. 400.9/215/KEP/DINSOS/2026"
        value={skNumber}
        onChange={(e) => onSkNumber(e.currentTarget.value)}
        error={errors.skNumber}
      />
      <DateField
        label="Tanggal SK"
        withAsterisk
        clearable={false}
        maxDate={new Date()}
        value={skDate}
        onChange={onSkDate}
        error={errors.skDate}
      />
    </Group>
  );
}

/** How many families are approved, rejected and not yet decided, and approving the rest at once. */
function DecisionTally({
  approved,
  rejected,
  undecided,
  onApproveRest,
}: {
  approved: number;
  rejected: number;
  undecided: number;
  onApproveRest: () => void;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" data-testid="decision-tally">
        {formatNumber(approved)} disetujui · {formatNumber(rejected)} ditolak · {formatNumber(undecided)} belum dipilih
      </Text>
      <Button size="xs" variant="default" disabled={undecided === 0} onClick={onApproveRest}>
        Setujui semua yang belum dipilih ({formatNumber(undecided)})
      </Button>
    </Group>
  );
}

function FamilyRow({
  item,
  choice,
  onChange,
}: {
  item: ProposalItemRow;
  choice: Choice;
  onChange: (patch: Partial<Choice>) => void;
}) {
  return (
    <Table.Tr>
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
        <Radio.Group
          label={<VisuallyHidden>Keputusan {item.nama}</VisuallyHidden>}
          value={choice.decision}
          onChange={(v) => onChange({ decision: v as Verdict })}
        >
          <Group gap="md" wrap="nowrap">
            <Radio value="approved" label="Setujui" />
            <Radio value="rejected" label="Tolak" color="red" />
          </Group>
        </Radio.Group>
      </Table.Td>
      <Table.Td w="40%">
        {choice.decision === 'rejected' && (
          <Textarea
            aria-label={`Alasan penolakan ${item.nama}`}
            placeholder="Alasan penolakan"
            autosize
            minRows={1}
            value={choice.rejectReason}
            onChange={(e) => onChange({ rejectReason: e.currentTarget.value })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
