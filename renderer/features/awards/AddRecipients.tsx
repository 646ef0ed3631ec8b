import { Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProgramSummary } from '../../../main/api/awards.contract';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { formatNumber, formatRupiah, formatTanggal } from '../../../main/domain/format';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { PageFooter } from '../shared/PageFooter';
import { FailureAlert } from './FailureAlert';
import { refreshAwards } from './invalidate';
import { EMPTY_PACKAGE, PackageEditor, type PackageValue } from './PackageEditor';

const PAGE_SIZE = 20;

/** "Tambah penerima": eligible graduated families, one package for all the chosen ones, planned in one step. */
export function AddRecipients({ program, onPlanned }: { program: ProgramSummary; onPlanned: () => void }) {
  const queryClient = useQueryClient();
  const plan = useApiMutation('awards.plan');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const [pkg, setPkg] = useState<PackageValue>(EMPTY_PACKAGE);
  const [businessType, setBusinessType] = useState('');
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const eligible = useApi('awards.eligible', { programId: program.id, q: search, page, pageSize: PAGE_SIZE });
  const rows = eligible.data?.items ?? [];
  const toggle = (id: number, nama: string) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(id)) next.delete(id);
      else next.set(id, nama);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.kpmId));
  const togglePage = () =>
    setSelected((s) => {
      const next = new Map(s);
      for (const r of rows) {
        if (allOnPage) next.delete(r.kpmId);
        else next.set(r.kpmId, r.nama);
      }
      return next;
    });

  const submit = async () => {
    setFailure(null);
    try {
      const result = await plan.mutateAsync({
        programId: program.id,
        kpmIds: [...selected.keys()],
        package: pkg,
        businessType,
        notes,
      });
      await refreshAwards(queryClient);
      notifySuccess(
        `${formatNumber(result.planned)} KPM direncanakan (${formatRupiah(result.total)}); sisa pagu ${formatRupiah(result.remaining)}.`,
      );
      setSelected(new Map());
      onPlanned();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Stack>
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
                        <Checkbox aria-label="Pilih semua di halaman ini" checked={allOnPage} onChange={togglePage} />
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
                            checked={selected.has(r.kpmId)}
                            onChange={() => toggle(r.kpmId, r.nama)}
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
          <PageFooter
            page={page}
            pageSize={PAGE_SIZE}
            total={eligible.data?.total ?? 0}
            noun="KPM"
            onChange={setPage}
          />
          <Text size="sm" data-testid="selected-count">
            {formatNumber(selected.size)} KPM dipilih
            {selected.size > 0 && selected.size <= 5 ? `: ${[...selected.values()].join(', ')}` : ''}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h5">
            2. Paket bantuan (sama untuk semua KPM yang dipilih)
          </Title>
          <PackageEditor
            program={program}
            value={pkg}
            onChange={setPkg}
            families={selected.size}
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
            <Button onClick={submit} loading={plan.isPending} disabled={selected.size === 0}>
              Rencanakan bantuan untuk {formatNumber(selected.size)} KPM
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
