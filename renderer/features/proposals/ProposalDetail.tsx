import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import type { Decision } from '../../../main/api/proposal.contract';
import { GRADUATION_DUTIES } from '../../../main/domain/decision';
import { DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { formatTanggal } from '../../../main/domain/format';
import { CANDIDATE_KIND_LABEL, PROPOSAL_STATUS_LABEL } from '../../../main/domain/graduation';
import { ListDocumentButtons } from '../documents/ListDocuments';
import { WisudaBatch } from '../documents/WisudaBatch';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { StatementModal } from '../verification/StatementModal';
import { AddCandidates } from './AddCandidates';
import { DecisionForm } from './DecisionForm';
import { PROPOSAL_STATUS_COLOR } from './labels';
import { ReverseModal } from './ReverseModal';

type Detail = OutputOf<'proposal.get'>;

export function ProposalDetail({ id }: { id: number }) {
  const query = useApi('proposal.get', { id });
  return (
    <Loaded query={query} label="Memuat usulan">
      {(detail) => <DetailView detail={detail} />}
    </Loaded>
  );
}

function DetailView({ detail }: { detail: Detail }) {
  const { can } = useSession();
  const { proposal, items, decisions, builders, decideRefusal } = detail;
  const builtBy = builders.map((b) => b.name).join(', ') || proposal.createdByName;
  const draft = proposal.status === 'draft';
  return (
    <Stack>
      <Group gap="sm">
        <Badge color={PROPOSAL_STATUS_COLOR[proposal.status]} variant="light" size="lg">
          {PROPOSAL_STATUS_LABEL[proposal.status]}
        </Badge>
        <Text size="sm" c="dimmed">
          {proposal.title} · tahun {proposal.year} · disusun oleh {builtBy}
        </Text>
      </Group>
      <ItemsTable proposalId={proposal.id} items={items} editable={draft && can(GRADUATION_DUTIES.propose)} />
      {draft && can(GRADUATION_DUTIES.propose) && (
        <>
          <SubmitButton proposalId={proposal.id} count={items.length} />
          <AddCandidates proposalId={proposal.id} />
        </>
      )}
      {proposal.status === 'submitted' &&
        can(GRADUATION_DUTIES.decide) &&
        (decideRefusal ? (
          <Alert color="yellow" title="Anda tidak dapat menetapkan usulan ini">
            {decideRefusal}
          </Alert>
        ) : (
          <DecisionForm key={decisions.length} proposalId={proposal.id} items={items} />
        ))}
      <DecisionHistory decisions={decisions} canReverse={can(GRADUATION_DUTIES.decide)} />
      {can(DOCUMENT_DUTIES.issue) && items.length > 0 && <ProposalDocuments detail={detail} />}
    </Stack>
  );
}

/** The lists to print, and the wisuda documents once a decision stands. */
function ProposalDocuments({ detail }: { detail: Detail }) {
  const decision = detail.decisions.find((d) => !d.reversedAt);
  const approved = detail.items.filter((i) => i.decision === 'approved').length;
  return (
    <>
      <Group>
        <ListDocumentButtons proposalId={detail.proposal.id} decided={decision !== undefined} />
      </Group>
      {decision && <WisudaBatch decisionId={decision.id} families={approved} />}
    </>
  );
}

function ItemsTable({
  proposalId,
  items,
  editable,
}: {
  proposalId: number;
  items: Detail['items'];
  editable: boolean;
}) {
  const { can } = useSession();
  const [statementFor, setStatementFor] = useState<Detail['items'][number] | null>(null);
  const queryClient = useQueryClient();
  const remove = useApiMutation('proposal.remove');
  const drop = async (candidateId: number) => {
    try {
      await remove.mutateAsync({ proposalId, candidateIds: [candidateId] });
      await queryClient.invalidateQueries({ queryKey: ['proposal.get'] });
      await queryClient.invalidateQueries({ queryKey: ['proposal.proposable'] });
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Paper withBorder>
      <Table aria-label="Keluarga dalam usulan">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>Jenis</Table.Th>
            <Table.Th>Skor</Table.Th>
            <Table.Th>Surat pernyataan</Table.Th>
            <Table.Th>Diverifikasi oleh</Table.Th>
            <Table.Th>Keputusan</Table.Th>
            {editable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.candidateId}>
              <Table.Td>{item.nama}</Table.Td>
              <Table.Td>{CANDIDATE_KIND_LABEL[item.kind]}</Table.Td>
              <Table.Td>{item.lastScore ?? '-'}</Table.Td>
              <Table.Td>
                {item.kind === 'alamiah' ? (
                  '-'
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    {item.hasStatement ? 'Ada' : 'Belum'}
                    {!item.decision && can(GRADUATION_DUTIES.statement) && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setStatementFor(item)}
                        aria-label={`Surat pernyataan ${item.nama}`}
                      >
                        {item.hasStatement ? 'Ubah' : 'Catat'}
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>{item.verifiers.join(', ') || '-'}</Table.Td>
              <DecisionCell item={item} />
              {editable && (
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => drop(item.candidateId)}>
                    Keluarkan
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text p="md" size="sm" c="dimmed">
          Usulan ini masih kosong.
        </Text>
      )}
      {statementFor && (
        <StatementModal
          candidateId={statementFor.candidateId}
          nama={statementFor.nama}
          onClose={() => setStatementFor(null)}
        />
      )}
    </Paper>
  );
}

/** The decision on one family, with the reason of a rejection. */
function DecisionCell({ item }: { item: Detail['items'][number] }) {
  return (
    <Table.Td>
      {item.decision ? (
        <Stack gap={4} align="flex-start">
          <Badge color={item.decision === 'approved' ? 'teal' : 'red'} variant="light">
            {item.decision === 'approved' ? 'Disetujui' : 'Ditolak'}
          </Badge>
          {item.decision === 'rejected' && item.rejectReason && (
            // The reason as the decider typed it: wrapped over lines, never upper-cased or cut as a badge would.
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.rejectReason}
            </Text>
          )}
        </Stack>
      ) : (
        '-'
      )}
    </Table.Td>
  );
}

function SubmitButton({ proposalId, count }: { proposalId: number; count: number }) {
  const queryClient = useQueryClient();
  const submit = useApiMutation('proposal.submit');
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <Group>
        <Button onClick={() => setOpen(true)} disabled={count === 0}>
          Ajukan usulan ({count} KPM)
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        title="Ajukan usulan?"
        confirmLabel="Ajukan"
        color="blue"
        loading={submit.isPending}
        onConfirm={async () => {
          setFailure(null);
          try {
            await submit.mutateAsync({ id: proposalId });
            await queryClient.invalidateQueries({ queryKey: ['proposal.get'] });
            await queryClient.invalidateQueries({ queryKey: ['proposal.list'] });
            notifySuccess('Usulan diajukan.');
          } catch (error) {
            setFailure(errorMessage(error));
          }
          setOpen(false);
        }}
      >
        {count} keluarga diajukan untuk ditetapkan; isi usulan tidak dapat diubah lagi.
      </ConfirmModal>
    </>
  );
}

function DecisionHistory({ decisions, canReverse }: { decisions: Decision[]; canReverse: boolean }) {
  const [reversing, setReversing] = useState<Decision | null>(null);
  if (decisions.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Riwayat keputusan
        </Title>
        {decisions.map((d) => (
          <Group key={d.id} justify="space-between">
            <Text size="sm" td={d.reversedAt ? 'line-through' : undefined}>
              SK {d.skNumber}, {formatTanggal(d.skDate)}, ditetapkan oleh {d.decidedByName}
            </Text>
            {d.reversedAt ? (
              <Text size="sm" c="red">
                Dibatalkan oleh {d.reversedByName}: {d.reverseReason}
              </Text>
            ) : (
              canReverse && (
                <Button size="xs" color="red" variant="light" onClick={() => setReversing(d)}>
                  Batalkan keputusan
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
      {reversing && <ReverseModal decision={reversing} onClose={() => setReversing(null)} />}
    </Paper>
  );
}
