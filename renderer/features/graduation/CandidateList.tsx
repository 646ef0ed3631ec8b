import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CandidateRow } from '../../../main/api/graduation.contract';
import { formatNumber, formatTanggal } from '../../../main/domain/format';
import {
  CANDIDATE_KIND_LABEL,
  CANDIDATE_KINDS,
  CANDIDATE_STAGE_LABEL,
  CANDIDATE_STAGES,
  type CandidateKind,
  type CandidateStage,
  MANDIRI_REASON_LABEL,
  type MandiriReason,
  OPEN_STAGES,
} from '../../../main/domain/graduation';
import { useSession, WRITER_ROLES } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { paginationControlProps } from '../shared/pagination';
import { FamilyFilterFields, type FamilyFilterValues, NO_FAMILY_FILTERS } from './FamilyFilterFields';

const PAGE_SIZE = 50;

export function CandidateList() {
  const { can } = useSession();
  const [filters, setFilters] = useState<
    FamilyFilterValues & { kind: CandidateKind | null; stage: CandidateStage | null; page: number }
  >({ ...NO_FAMILY_FILTERS, kind: null, stage: null, page: 1 });
  const change = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const list = useApi(
    'graduation.candidates',
    { ...filters, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const [withdrawing, setWithdrawing] = useState<CandidateRow | null>(null);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <SimpleGrid cols={6} spacing="sm">
        <Select
          label="Jenis"
          placeholder="Semua"
          data={CANDIDATE_KINDS.map((value) => ({ value, label: CANDIDATE_KIND_LABEL[value] }))}
          value={filters.kind}
          onChange={(v) => change({ kind: v as CandidateKind | null })}
          clearable
        />
        <Select
          label="Tahap"
          placeholder="Semua"
          data={CANDIDATE_STAGES.map((value) => ({ value, label: CANDIDATE_STAGE_LABEL[value] }))}
          value={filters.stage}
          onChange={(v) => change({ stage: v as CandidateStage | null })}
          clearable
        />
        <FamilyFilterFields value={filters} onChange={change} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {formatNumber(list.data?.total ?? 0)} calon
      </Text>
      <Table striped withTableBorder aria-label="Daftar calon graduasi">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nama pengurus</Table.Th>
            <Table.Th>Jenis</Table.Th>
            <Table.Th w={120}>Tahap</Table.Th>
            <Table.Th>Alasan</Table.Th>
            <Table.Th>Pendamping</Table.Th>
            <Table.Th>Desa/kecamatan</Table.Th>
            <Table.Th>Diusulkan</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/kpm/${c.kpmId}`} size="sm">
                  {c.nama}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.idKpm ?? c.nik}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{CANDIDATE_KIND_LABEL[c.kind]}</Table.Td>
              <Table.Td>
                <Badge variant="light">{CANDIDATE_STAGE_LABEL[c.stage]}</Badge>
              </Table.Td>
              <Table.Td fz="sm">
                {c.reasons.map((r) => MANDIRI_REASON_LABEL[r as MandiriReason] ?? r).join(', ')}
                {c.closedReason && <Text size="xs">Dibatalkan: {c.closedReason}</Text>}
              </Table.Td>
              <Table.Td fz="sm">{c.pendampingName ?? '–'}</Table.Td>
              <Table.Td fz="sm">
                {c.villageName}, {c.districtName}
              </Table.Td>
              <Table.Td fz="sm">
                {formatTanggal(c.createdAt.slice(0, 10))}
                <Text size="xs" c="dimmed">
                  {c.createdByName}
                </Text>
              </Table.Td>
              <Table.Td>
                {can(WRITER_ROLES) && (OPEN_STAGES as readonly string[]).includes(c.stage) && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)}>
                    Batalkan
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.total === 0 && <Text size="sm">Belum ada calon yang cocok dengan saringan ini.</Text>}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={filters.page}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
            getControlProps={paginationControlProps}
          />
        </Group>
      )}
      <WithdrawModal candidate={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}

function WithdrawModal({ candidate, onClose }: { candidate: CandidateRow | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const withdraw = useApiMutation('graduation.candidateWithdraw');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setFailure(null);
    onClose();
  };
  return (
    <Modal opened={candidate !== null} onClose={close} title={`Batalkan calon ${candidate?.nama ?? ''}`}>
      <Stack>
        <TextInput
          label="Alasan pembatalan"
          withAsterisk
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Kembali
          </Button>
          <Button
            color="red"
            loading={withdraw.isPending}
            onClick={async () => {
              if (!candidate) return;
              try {
                await withdraw.mutateAsync({ id: candidate.id, reason });
                await queryClient.invalidateQueries({ queryKey: ['graduation.candidates'] });
                notifySuccess(`Calon ${candidate.nama} dibatalkan.`);
                close();
              } catch (error) {
                setFailure(errorMessage(error));
              }
            }}
          >
            Batalkan calon
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
