import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CandidateRow } from '../../../main/api/graduation.contract';
import { CANDIDATE_DUTIES } from '../../../main/domain/duties';
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
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { paginationControlProps } from '../shared/pagination';
import { type Chosen, WithdrawModal } from './CandidateWithdrawModal';
import { FamilyFilterFields, type FamilyFilterValues, NO_FAMILY_FILTERS } from './FamilyFilterFields';

const PAGE_SIZE = 50;

type CandidateFilterValues = FamilyFilterValues & {
  kind: CandidateKind | null;
  stage: CandidateStage | null;
  page: number;
};

export function CandidateList() {
  const { can } = useSession();
  const [filters, setFilters] = useState<CandidateFilterValues>({
    ...NO_FAMILY_FILTERS,
    kind: null,
    stage: null,
    page: 1,
  });
  const change = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, page: 1, ...patch }));
    setSelected(new Map());
  };
  const list = useApi(
    'graduation.candidates',
    { ...filters, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const [selected, setSelected] = useState<Chosen>(new Map());
  const [withdrawing, setWithdrawing] = useState<Chosen | null>(null);
  const canWithdraw = can(CANDIDATE_DUTIES.edit);
  const pageOpen = (list.data?.items ?? []).filter(isOpen);
  const allOnPage = pageOpen.length > 0 && pageOpen.every((c) => selected.has(c.id));
  const choose = (rows: CandidateRow[], on: boolean) => setSelected((s) => chosenWith(s, rows, on));
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <CandidateFilters filters={filters} onChange={change} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {formatNumber(list.data?.total ?? 0)} calon
        </Text>
        {canWithdraw && (
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={selected.size === 0}
            onClick={() => setWithdrawing(new Map(selected))}
          >
            Batalkan terpilih ({formatNumber(selected.size)})
          </Button>
        )}
      </Group>
      <Table striped withTableBorder aria-label="Daftar calon graduasi">
        <Table.Thead>
          <Table.Tr>
            {canWithdraw && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Pilih semua calon terbuka di halaman ini"
                  checked={allOnPage}
                  indeterminate={!allOnPage && pageOpen.some((c) => selected.has(c.id))}
                  disabled={pageOpen.length === 0}
                  onChange={() => choose(pageOpen, !allOnPage)}
                />
              </Table.Th>
            )}
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
            <CandidateTableRow
              key={c.id}
              c={c}
              selectable={canWithdraw}
              selected={selected.has(c.id)}
              onSelect={(on) => choose([c], on)}
              onWithdraw={() => setWithdrawing(new Map([[c.id, c.nama]]))}
            />
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
      <WithdrawModal
        candidates={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={(ids) => setSelected((s) => new Map([...s].filter(([id]) => !ids.includes(id))))}
      />
    </Stack>
  );
}

/** Which candidates: by kind and stage, then by the family's region and pendamping. */
function CandidateFilters({
  filters,
  onChange: change,
}: {
  filters: CandidateFilterValues;
  onChange: (patch: Partial<CandidateFilterValues>) => void;
}) {
  return (
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
  );
}

const isOpen = (c: CandidateRow) => (OPEN_STAGES as readonly string[]).includes(c.stage);

/** The choice with these rows added (on) or taken out; kept across pages, a new filter starts a new one. */
function chosenWith(chosen: Chosen, rows: CandidateRow[], on: boolean): Chosen {
  const next = new Map(chosen);
  for (const c of rows) {
    if (on) next.set(c.id, c.nama);
    else next.delete(c.id);
  }
  return next;
}

function CandidateTableRow({
  c,
  selectable,
  selected,
  onSelect,
  onWithdraw,
}: {
  c: CandidateRow;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onWithdraw: () => void;
}) {
  return (
    <Table.Tr>
      {selectable && (
        <Table.Td>
          {isOpen(c) && (
            <Checkbox
              aria-label={`Pilih ${c.nama}`}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          )}
        </Table.Td>
      )}
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
        {selectable && isOpen(c) && (
          <Button size="xs" variant="subtle" color="red" aria-label={`Batalkan ${c.nama}`} onClick={onWithdraw}>
            Batalkan
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
