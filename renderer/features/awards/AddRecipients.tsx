import { Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EligibleFamily, ProgramSummary } from '../../../main/api/awards.contract';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { formatNumber, formatRupiah, formatTanggal } from '../../../main/domain/format';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { PageFooter } from '../shared/PageFooter';
import { FailureAlert } from './FailureAlert';
import { refreshAwards } from './invalidate';
import { cashUnreadable, EMPTY_PACKAGE, PackageEditor, type PackageValue } from './PackageEditor';
import { useSelection } from './use-selection';

const PAGE_SIZE = 20;
type Selection = ReturnType<typeof useSelection<EligibleFamily>>;

/** "Tambah penerima": eligible graduated families, one package for all the chosen ones, planned in one step. */
export function AddRecipients({ program, onPlanned }: { program: ProgramSummary; onPlanned: () => void }) {
  const queryClient = useQueryClient();
  const plan = useApiMutation('awards.plan');
  const selection = useSelection<EligibleFamily>((f) => f.kpmId);
  const [pkg, setPkg] = useState<PackageValue>(EMPTY_PACKAGE);
  const [businessType, setBusinessType] = useState('');
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const families = selection.rows.length;

  const submit = async () => {
    setFailure(null);
    try {
      const kpmIds = selection.rows.map((f) => f.kpmId);
      const result = await plan.mutateAsync({ programId: program.id, kpmIds, package: pkg, businessType, notes });
      await refreshAwards(queryClient);
      notifySuccess(
        `${formatNumber(result.planned)} KPM direncanakan (${formatRupiah(result.total)}); sisa pagu ${formatRupiah(result.remaining)}.`,
      );
      selection.clear();
      onPlanned();
    } catch (error) {
      // The refusal stays beside the package with the families still chosen: lower it and try again.
      setFailure(error);
    }
  };

  return (
    <Stack>
      <EligiblePicker programId={program.id} selection={selection} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            2. Paket bantuan (sama untuk semua KPM yang dipilih)
          </Title>
          <PackageEditor
            program={program}
            value={pkg}
            onChange={setPkg}
            families={families}
            remaining={program.remaining}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Jenis usaha"
              withAsterisk
              placeholder="mis. warung kelontong, jahit, kuliner"
              value={businessType}
              onChange={(e) => setBusinessType(e.currentTarget.value)}
            />
            <Textarea
              label="Catatan"
              autosize
              minRows={1}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
          </Group>
          <FailureAlert error={failure} title="Bantuan tidak direncanakan" />
          <Group>
            <Button onClick={submit} loading={plan.isPending} disabled={families === 0 || cashUnreadable(pkg)}>
              Rencanakan bantuan untuk {formatNumber(families)} KPM
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The families the programme may reward now, paged and searchable; the choice survives paging and searching. */
function EligiblePicker({ programId, selection }: { programId: number; selection: Selection }) {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const eligible = useApi('awards.eligible', { programId, q: search, page, pageSize: PAGE_SIZE });
  const rows = eligible.data?.items ?? [];
  const chosen = selection.rows;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            1. Pilih KPM graduasi yang berhak
          </Title>
          <TextInput
            aria-label="Cari KPM yang berhak"
            placeholder="Cari nama, NIK, desa…"
            w={280}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Group>
        <Loaded query={eligible} label="Memuat KPM yang berhak">
          {(data) =>
            data.total === 0 ? (
              <Text size="sm" c="dimmed">
                Tidak ada KPM graduasi yang berhak{search ? ` untuk "${search}"` : ''}: jenis graduasi dan tanggalnya
                harus sesuai program, dan KPM yang sudah menerima tidak ditampilkan lagi.
              </Text>
            ) : (
              <Table aria-label="KPM yang berhak" verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Pilih semua di halaman ini"
                        checked={selection.allOf(rows)}
                        onChange={() => selection.togglePage(rows)}
                      />
                    </Table.Th>
                    <Table.Th>Nama pengurus</Table.Th>
                    <Table.Th>NIK</Table.Th>
                    <Table.Th>Desa / kecamatan</Table.Th>
                    <Table.Th>Graduasi</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.kpmId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Pilih ${r.nama}`}
                          checked={selection.has(r)}
                          onChange={() => selection.toggle(r)}
                        />
                      </Table.Td>
                      <Table.Td>{r.nama}</Table.Td>
                      <Table.Td ff="monospace" fz="sm">
                        {r.nik}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {r.desa}, {r.kecamatan}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {STATUS_LABEL[r.graduation]}, {formatTanggal(r.graduatedOn)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Loaded>
        <PageFooter page={page} pageSize={PAGE_SIZE} total={eligible.data?.total ?? 0} noun="KPM" onChange={setPage} />
        <Text size="sm" data-testid="selected-count">
          {formatNumber(chosen.length)} KPM dipilih
          {chosen.length > 0 && chosen.length <= 5 ? `: ${chosen.map((f) => f.nama).join(', ')}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
