import { Button, CopyButton, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExportLogEntry } from '../../../main/api/exports.contract';
import { LOG_KIND_LABEL, rowsUnit } from '../../../main/domain/export-log';
import { formatNumber, formatWaktu } from '../../../main/domain/format';
import type { Page } from '../../../main/domain/paging';
import { usePendampingList } from '../pendamping/use-pendamping';
import { useApi } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { Loaded } from '../shared/Loaded';
import { PageFooter } from '../shared/PageFooter';
import { useDistrictNames, useVillages } from '../shared/regions';
import { describeFilters } from './filter-text';
import { FORMAT_SHORT_LABEL, LOG_NIK_LABEL } from './labels';

const PAGE_SIZE = 50;

/** Log ekspor: every file that left the app with personal data, newest first, by date range and user. */
export function ExportLogTable() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [username, setUsername] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const users = useApi('users.list', {});
  const log = useApi(
    'exports.log',
    { from: from || undefined, to: to || undefined, username: username ?? undefined, page, pageSize: PAGE_SIZE },
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
      <Group align="flex-end">
        <DateField label="Dari tanggal" value={from} onChange={refilter(setFrom)} w={170} />
        <DateField
          label="Sampai tanggal"
          value={to}
          onChange={refilter(setTo)}
          w={170}
          error={from && to && to < from ? 'Sebelum tanggal dari.' : undefined}
        />
        <Select
          label="Pengguna"
          placeholder="Semua pengguna"
          data={(users.data ?? []).map((u) => ({ value: u.username, label: `${u.fullName} (${u.username})` }))}
          value={username}
          onChange={refilter(setUsername)}
          searchable
          clearable
          w={280}
        />
      </Group>
      <Loaded query={log} label="Memuat log ekspor">
        {(entries) => <LogBody entries={entries} />}
      </Loaded>
      <PageFooter page={page} pageSize={PAGE_SIZE} total={log.data?.total ?? 0} noun="ekspor" onChange={setPage} />
    </Stack>
  );
}

function LogBody({ entries }: { entries: Page<ExportLogEntry> }) {
  if (entries.total === 0) {
    return (
      <Paper withBorder p="xl">
        <Text ta="center" c="dimmed" size="sm">
          Belum ada ekspor yang cocok. Setiap berkas berisi data pribadi yang diunduh atau dicetak (ekspor data,
          laporan, surat, daftar, berkas masalah impor), dari aplikasi atau baris perintah, tercatat di sini.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="sm" style={{ overflowX: 'auto' }}>
      <Table striped aria-label="Log ekspor" verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Waktu</Table.Th>
            <Table.Th>Pengguna</Table.Th>
            <Table.Th>Templat</Table.Th>
            <Table.Th>Filter</Table.Th>
            <Table.Th ta="right">Baris</Table.Th>
            <Table.Th>NIK</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th>Nama berkas</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.items.map((entry) => (
            <LogLine key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function LogLine({ entry }: { entry: ExportLogEntry }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWaktu(entry.at)}</Table.Td>
      <Table.Td>
        {entry.username}
        {entry.via === 'cli' && (
          <Text size="xs" c="dimmed">
            baris perintah
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {entry.templateName}
        {entry.templateName !== LOG_KIND_LABEL[entry.kind] && (
          <Text size="xs" c="dimmed">
            {LOG_KIND_LABEL[entry.kind]}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={280}>
        <FilterText entry={entry} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(entry.rows)}
        {rowsUnit(entry.kind, entry.format) !== 'baris' && (
          <Text span size="xs" c="dimmed">
            {` ${rowsUnit(entry.kind, entry.format)}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500} c={entry.nikMode === 'full' ? 'orange.8' : 'dimmed'}>
          {LOG_NIK_LABEL[entry.nikMode]}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{FORMAT_SHORT_LABEL[entry.format]}</Table.Td>
      <Table.Td>
        <HashCell sha256={entry.sha256} />
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.fileName}</Table.Td>
    </Table.Tr>
  );
}

function FilterText({ entry }: { entry: ExportLogEntry }) {
  const districts = useDistrictNames();
  const pendamping = usePendampingList();
  // A desa code starts with its kecamatan's code: the villages of that kecamatan name it.
  const desaCode = 'desaCode' in entry.filters ? String(entry.filters.desaCode) : undefined;
  const villages = useVillages(desaCode?.slice(0, 6));
  const text = describeFilters(entry.kind, entry.filters, {
    kecamatan: (code) => districts.get(code),
    desa: (code) => villages.data?.find((v) => v.code === code)?.name,
    pendamping: (id) => pendamping.data?.find((p) => p.id === id)?.name,
  });
  return <Text size="sm">{text}</Text>;
}

/** The first 12 hex digits identify a file at a glance; the copy button takes all 64 to compare with a file. */
function HashCell({ sha256 }: { sha256: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" size="sm" title={sha256}>
        {sha256.slice(0, 12)}…
      </Text>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Tersalin' : 'Salin SHA-256 lengkap'} withArrow>
            <Button
              variant="subtle"
              size="compact-xs"
              aria-label={`Salin SHA-256 ${sha256.slice(0, 12)}`}
              onClick={copy}
              color={copied ? 'teal' : 'gray'}
            >
              {copied ? 'Tersalin' : 'Salin'}
            </Button>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
