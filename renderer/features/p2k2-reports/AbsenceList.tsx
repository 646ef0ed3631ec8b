import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import type { AbsentFamily } from '../../../main/api/p2k2-reports.contract';
import { P2K2_DUTIES } from '../../../main/domain/duties';
import { formatTanggal } from '../../../main/domain/format';
import type { Period } from '../../../main/domain/reports';
import { PdfModal } from '../documents/PdfPreview';
import { PeriodFilter } from '../reports/PeriodFilter';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

const BULAN_PENDEK = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const monthLabel = (m: string) => `${BULAN_PENDEK[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

function WarnButton({ family, onPrinted }: { family: AbsentFamily; onPrinted: (file: PdfFile) => void }) {
  const warn = useApiMutation('p2k2Reports.warn');
  const queryClient = useQueryClient();
  return (
    <Button
      size="xs"
      loading={warn.isPending}
      aria-label={`Cetak teguran ${family.nama}`}
      onClick={async () => {
        try {
          const { pdf } = await warn.mutateAsync({ kpmId: family.kpmId, absentUntil: family.absentUntil });
          await queryClient.invalidateQueries({ queryKey: ['p2k2Reports.absence'] });
          onPrinted(pdf);
        } catch (error) {
          notifyError(error);
        }
      }}
    >
      Cetak teguran
    </Button>
  );
}

/** Families ALFA two months running, per pendamping, each with its warning or a button to print one. */
export function AbsenceList({ period, onPeriod }: { period: Period; onPeriod: (p: Period) => void }) {
  const list = useApi('p2k2Reports.absence', period);
  const session = useSession();
  const mayWarn = session.can(P2K2_DUTIES.record);
  const [file, setFile] = useState<PdfFile | null>(null);
  return (
    <Stack gap="md">
      <PeriodFilter period={period} onChange={onPeriod} />
      <Loaded query={list} label="Memuat daftar tindak lanjut">
        {(data) =>
          data.total === 0 ? (
            <Text size="sm" c="dimmed">
              Tidak ada KPM yang alfa dua bulan berturut-turut pada {data.periodLabel}.
            </Text>
          ) : (
            data.pendamping.map((p) => (
              <Paper withBorder p="sm" key={p.pendampingId ?? 0}>
                <Title order={3} size="h5" mb="xs">
                  {p.name} ({p.families.length} KPM)
                </Title>
                <Table aria-label={`Tindak lanjut alfa ${p.name}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Nama pengurus</Table.Th>
                      <Table.Th>NIK</Table.Th>
                      <Table.Th>Kelompok</Table.Th>
                      <Table.Th>Bulan alfa</Table.Th>
                      <Table.Th>Teguran</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.families.map((f) => (
                      <Table.Tr key={`${f.kpmId}-${f.absentUntil}`}>
                        <Table.Td>{f.nama}</Table.Td>
                        <Table.Td>{f.nik}</Table.Td>
                        <Table.Td>
                          {f.groupName}, {f.desa}
                        </Table.Td>
                        <Table.Td>{f.months.map(monthLabel).join(', ')}</Table.Td>
                        <Table.Td>
                          {f.warning ? (
                            <Badge color="teal" variant="light">
                              Diberikan {formatTanggal(f.warning.givenOn)}
                              {f.warning.documentNumber ? `, ${f.warning.documentNumber}` : ''}
                            </Badge>
                          ) : mayWarn ? (
                            <WarnButton family={f} onPrinted={setFile} />
                          ) : (
                            <Text size="xs">Belum diberikan</Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ))
          )
        }
      </Loaded>
      <PdfModal file={file} title="Surat teguran P2K2" onClose={() => setFile(null)} />
    </Stack>
  );
}
