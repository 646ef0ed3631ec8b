import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import type { ImportJobApi } from './use-import-job';

type ImportReport = OutputOf<'import.report'>;

interface Props {
  job: ImportJobApi;
  report: ImportReport;
}

/**
 * Kecamatan and desa names not found but close to one that is ("BHAYANGKARA" -> "BAYANGKARA"): one click
 * accepts the suggestion for every row with that name, and the file is checked again with it.
 */
export function SuggestionsPanel({ job, report }: Props) {
  const list = report.regionSuggestions;
  if (list.length === 0) return null;
  const accepted = list.filter((s) => s.accepted).map((s) => s.key);
  const busy = job.state.stage === 'reading' || job.state.choosing;
  const accept = (keys: string[]) => job.configure({ acceptSuggestions: keys });
  const pending = list.filter((s) => !s.accepted);
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="import-suggestions-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="import-suggestions-title">
              Nama wilayah yang mirip ({formatNumber(list.length)})
            </Title>
            <Text size="sm" c="dimmed">
              Nama ini tidak ditemukan, tetapi mirip nama yang terdaftar. Terima saran untuk memakai wilayah itu pada
              semua baris dengan nama yang sama; berkas lalu diperiksa ulang.
            </Text>
          </div>
          {pending.length > 1 && (
            <Button variant="light" size="compact-sm" disabled={busy} onClick={() => accept(list.map((s) => s.key))}>
              Terima semua saran
            </Button>
          )}
        </Group>
        <Table fz="sm" aria-label="Saran nama wilayah">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Di berkas</Table.Th>
              <Table.Th>Saran</Table.Th>
              <Table.Th>Baris</Table.Th>
              <Table.Th w={200} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Td>
                  {s.level} <b>{s.value}</b>
                  {s.within ? ` (Kecamatan ${s.within})` : ''}
                </Table.Td>
                <Table.Td>{s.suggestion.name}</Table.Td>
                <Table.Td>
                  {formatNumber(s.rows)} baris ({s.firstRows.slice(0, 6).join(', ')}
                  {s.rows > 6 ? ', …' : ''})
                </Table.Td>
                <Table.Td>
                  {s.accepted ? (
                    <Group gap="xs">
                      <Badge color="teal" variant="light">
                        Diterima
                      </Badge>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        disabled={busy}
                        onClick={() => accept(accepted.filter((k) => k !== s.key))}
                      >
                        Batalkan
                      </Button>
                    </Group>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="light"
                      disabled={busy}
                      aria-label={`Terima saran ${s.suggestion.name} untuk ${s.value}`}
                      onClick={() => accept([...accepted, s.key])}
                    >
                      Terima saran
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
