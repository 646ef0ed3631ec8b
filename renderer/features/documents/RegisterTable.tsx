import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RegisterRow } from '../../../main/api/documents.contract';
import { DOCUMENT_KIND_LABEL, DOCUMENT_KINDS, type DocumentKind } from '../../../main/domain/documents';
import { DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatTanggal } from '../../../main/domain/format';
import type { Page } from '../../../main/domain/paging';
import { downloadBase64 } from '../import/files';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

import { Loaded } from '../shared/Loaded';
import { PageFooter } from '../shared/PageFooter';
import { PdfModal } from './PdfPreview';
import { StatusBadge } from './StatusBadge';
import { useReprint } from './use-reprint';
import { useRowFocusReturn } from './use-row-focus-return';
import { VoidModal } from './VoidModal';

const PAGE_SIZE = 50;
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

interface Filter {
  q: string;
  kind?: DocumentKind;
  year?: number;
  state?: 'aktif' | 'batal';
}

/** Agenda surat keluar: every issued document, searchable, filtered, exportable; reprint and void per row. */
export function RegisterTable() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [state, setState] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filter: Filter = {
    q,
    kind: (kind as DocumentKind | null) ?? undefined,
    year: year ? Number(year) : undefined,
    state: (state as Filter['state'] | null) ?? undefined,
  };
  const register = useApi(
    'documents.register',
    { ...filter, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            label="Cari"
            placeholder="Nomor, nama KPM, penandatangan"
            w={280}
            value={search}
            onChange={(e) => refilter(setSearch)(e.currentTarget.value)}
          />
          <Select
            label="Jenis"
            placeholder="Semua jenis"
            clearable
            w={260}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABEL[k] }))}
            value={kind}
            onChange={refilter(setKind)}
          />
          <Select
            label="Tahun"
            placeholder="Semua tahun"
            clearable
            w={130}
            data={YEARS}
            value={year}
            onChange={refilter(setYear)}
          />
          <Select
            label="Status"
            placeholder="Semua"
            clearable
            w={140}
            data={[
              { value: 'aktif', label: 'Berlaku' },
              { value: 'batal', label: 'Batal' },
            ]}
            value={state}
            onChange={refilter(setState)}
          />
        </Group>
        <ExcelButton filter={filter} />
      </Group>
      <Loaded query={register} label="Memuat agenda surat">
        {(rows) => <RegisterBody rows={rows} />}
      </Loaded>
      <PageFooter
        page={page}
        pageSize={PAGE_SIZE}
        total={register.data?.total ?? 0}
        noun="dokumen"
        onChange={setPage}
      />
    </Stack>
  );
}

function ExcelButton({ filter }: { filter: Filter }) {
  const xlsx = useApiMutation('documents.registerXlsx');
  const download = async () => {
    try {
      const file = await xlsx.mutateAsync(filter);
      downloadBase64(file.base64, file.fileName);
    } catch (error) {
      notifyError(error, 'Agenda surat tidak dapat diunduh');
    }
  };
  return (
    <Button variant="default" onClick={download} loading={xlsx.isPending}>
      Unduh Excel
    </Button>
  );
}

function RegisterBody({ rows }: { rows: Page<RegisterRow> }) {
  const { can } = useSession();
  const { reprint, reprintBatch, printingId, printingBatchId, file, close } = useReprint();
  const [voiding, setVoiding] = useState<RegisterRow | null>(null);
  const returnFocus = useRowFocusReturn(rows.items);
  if (rows.total === 0) {
    return (
      <Paper withBorder p="xl">
        <Text ta="center" c="dimmed" size="sm">
          Tidak ada dokumen yang cocok. Dokumen yang diterbitkan dari halaman KPM atau usulan tercatat di sini.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="sm">
      <Table striped aria-label="Agenda surat keluar" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nomor</Table.Th>
            <Table.Th>Jenis</Table.Th>
            <Table.Th>Tanggal</Table.Th>
            <Table.Th>Perihal/KPM</Table.Th>
            <Table.Th>Penandatangan</Table.Th>
            <Table.Th>Dibuat oleh</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.items.map((row) => (
            <RegisterLine
              key={row.id}
              row={row}
              printing={printingId === row.id}
              printingBatch={row.batchId !== null && printingBatchId === row.batchId}
              onReprint={can(DOCUMENT_DUTIES.issue) ? () => reprint(row.id) : undefined}
              onReprintBatch={
                can(DOCUMENT_DUTIES.issue) && row.batchId !== null
                  ? () => reprintBatch(row.batchId as number)
                  : undefined
              }
              onVoid={can(DOCUMENT_DUTIES.void) && !row.voidedAt ? () => setVoiding(row) : undefined}
            />
          ))}
        </Table.Tbody>
      </Table>
      <PdfModal file={file} title="Cetak ulang" onClose={close} />
      {voiding && (
        <VoidModal
          document={voiding}
          onClose={() => {
            setVoiding(null);
            returnFocus(voiding, false);
          }}
          onVoided={() => {
            setVoiding(null);
            returnFocus(voiding, true);
          }}
        />
      )}
    </Paper>
  );
}

function SubjectLink({ row }: { row: RegisterRow }) {
  const to = row.kpmId ? `/kpm/${row.kpmId}` : row.proposalId ? `/usulan/${row.proposalId}` : null;
  return to ? (
    <Anchor component={Link} to={to} size="sm">
      {row.subject}
    </Anchor>
  ) : (
    row.subject
  );
}

interface LineProps {
  row: RegisterRow;
  printing: boolean;
  printingBatch: boolean;
  /** Absent when the user may not reprint (or void) this row. */
  onReprint?: () => void;
  /** Present for a document issued in a wisuda batch: prints the whole batch again. */
  onReprintBatch?: () => void;
  onVoid?: () => void;
}

function RegisterLine({ row, printing, printingBatch, onReprint, onReprintBatch, onVoid }: LineProps) {
  return (
    <Table.Tr key={row.id} c={row.voidedAt ? 'dimmed' : undefined}>
      <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {row.number}
      </Table.Td>
      <Table.Td fz="sm">{DOCUMENT_KIND_LABEL[row.kind]}</Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatTanggal(row.issuedDate)}
      </Table.Td>
      <Table.Td fz="sm">
        <SubjectLink row={row} />
      </Table.Td>
      <Table.Td fz="sm">{row.signatoryName}</Table.Td>
      <Table.Td fz="sm">
        {row.issuedByName}
        {row.printCount > 1 && (
          <Text size="xs" c="dimmed">
            dicetak {formatNumber(row.printCount)}×
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge row={row} />
      </Table.Td>
      <Table.Td>
        {/* Wrapping: three actions side by side made the table 122 px wider than a 1366 px screen. */}
        <Group gap={4}>
          {onReprint && (
            <Button
              size="compact-sm"
              variant="default"
              loading={printing}
              onClick={onReprint}
              aria-label={`Cetak ulang ${row.number}`}
            >
              Cetak ulang
            </Button>
          )}
          {onReprintBatch && (
            <Button
              size="compact-sm"
              variant="subtle"
              loading={printingBatch}
              onClick={onReprintBatch}
              title="Cetak ulang semua dokumen wisuda yang diterbitkan bersama dokumen ini"
              aria-label={`Cetak ulang satu kelompok ${row.number}`}
            >
              Satu kelompok
            </Button>
          )}
          {onVoid && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={onVoid}
              aria-label={`Batalkan ${row.number}`}
            >
              Batalkan
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
