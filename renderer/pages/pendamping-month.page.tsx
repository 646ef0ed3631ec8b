import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { DOCUMENT_DUTIES } from '../../main/domain/duties';
import { EVALUATION_DUTIES, monthSchema } from '../../main/domain/evaluation';
import { formatNumber } from '../../main/domain/format';
import { percentText } from '../features/evaluation/figure-text';
import { MonthSelect, monthText, thisMonth } from '../features/evaluation/MonthSelect';
import { ReportFiles } from '../features/reports/ReportFiles';
import { useSession } from '../features/session/session';
import { useApi, useApiMutation } from '../features/shared/api-hooks';
import { notifyError, notifySuccess } from '../features/shared/errors';
import { Loaded } from '../features/shared/Loaded';
import { PageHeader } from '../features/shared/PageHeader';

/** The pendamping's monthly performance report: figures from the app, its notes, the evaluation, PDF and xlsx. */
export function PendampingMonthPage() {
  const pendampingId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('bulan') ?? '';
  const month = monthSchema.safeParse(asked).success ? asked : thisMonth();
  if (!Number.isInteger(pendampingId) || pendampingId <= 0) {
    return <Alert color="red">Pendamping tidak ditemukan. Periksa alamat halaman.</Alert>;
  }
  return <MonthReport pendampingId={pendampingId} month={month} onMonth={(m) => setParams({ bulan: m })} />;
}

function MonthReport({
  pendampingId,
  month,
  onMonth,
}: {
  pendampingId: number;
  month: string;
  onMonth: (m: string) => void;
}) {
  const report = useApi('evaluation.report', { pendampingId, month });
  const { can } = useSession();
  const documents = useApi('documents.settings', {}, { enabled: can(DOCUMENT_DUTIES.view) });
  const [signatoryId, setSignatoryId] = useState<string | null>(null);
  const xlsx = useApiMutation('evaluation.reportXlsx');
  const pdf = useApiMutation('evaluation.reportPdf');
  const input = { pendampingId, month };
  const signers = (documents.data?.signatories ?? []).filter((s) => s.active);
  return (
    <>
      <PageHeader
        title="Laporan kinerja bulanan"
        subtitle={report.data ? `${report.data.pendamping.name}, ${monthText(month)}` : monthText(month)}
        back={{ to: '/evaluasi', label: 'Evaluasi pendamping' }}
      />
      <Stack>
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <MonthSelect value={month} onChange={onMonth} />
            <Select
              label="Mengetahui"
              w={320}
              placeholder="Kepala Dinas"
              clearable
              data={signers.map((s) => ({ value: String(s.id), label: `${s.position}: ${s.name}` }))}
              value={signatoryId}
              onChange={setSignatoryId}
            />
          </Group>
          <ReportFiles
            title="Laporan kinerja bulanan"
            xlsx={() => xlsx.mutateAsync(input)}
            pdf={() => pdf.mutateAsync({ ...input, signatoryId: signatoryId ? Number(signatoryId) : undefined })}
          />
        </Group>
        <Loaded query={report} label="Memuat laporan bulanan" errorTitle="Laporan tidak dapat dibuka">
          {(data) => (
            <Stack>
              <Table aria-label="Capaian bulan ini" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Uraian</Table.Th>
                    <Table.Th>Capaian</Table.Th>
                    <Table.Th>Pembanding</Table.Th>
                    <Table.Th>Persentase</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.figures.map((f) => {
                    const c = data.row.figures[f.key];
                    return (
                      <Table.Tr key={f.key}>
                        <Table.Td title={f.note}>{f.label}</Table.Td>
                        <Table.Td>
                          {c.value === null ? '–' : f.unit === 'persen' ? percentText(c.value) : formatNumber(c.value)}
                        </Table.Td>
                        <Table.Td>
                          {c.target === null ? '–' : `${formatNumber(c.target)} ${f.targetLabel ?? ''}`}
                        </Table.Td>
                        <Table.Td>{percentText(c.achievement)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Text>
                Nilai: <b>{data.row.total === null ? '–' : String(data.row.total).replace('.', ',')}</b>
                {data.row.evaluation
                  ? ` (evaluasi ${data.row.evaluation.recordedByName}${data.row.evaluation.notes ? `: ${data.row.evaluation.notes}` : ''})`
                  : ' (dari capaian; belum dievaluasi koordinator)'}
              </Text>
              <NotesCard pendampingId={pendampingId} month={month} saved={data.notes} />
            </Stack>
          )}
        </Loaded>
      </Stack>
    </>
  );
}

function NotesCard({ pendampingId, month, saved }: { pendampingId: number; month: string; saved: string }) {
  const { can } = useSession();
  const [notes, setNotes] = useState(saved);
  useEffect(() => setNotes(saved), [saved]);
  const save = useApiMutation('evaluation.saveNotes');
  const queryClient = useQueryClient();
  const editable = can(EVALUATION_DUTIES.notes);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3}>Catatan pendamping</Title>
        <Textarea
          aria-label="Catatan pendamping"
          autosize
          minRows={4}
          readOnly={!editable}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          placeholder="Kegiatan, kendala dan rencana tindak lanjut bulan ini."
        />
        {editable && (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              disabled={notes === saved}
              onClick={async () => {
                try {
                  await save.mutateAsync({ pendampingId, month, notes });
                  await queryClient.invalidateQueries({ queryKey: ['evaluation.report'] });
                  notifySuccess('Catatan tersimpan.');
                } catch (error) {
                  notifyError(error, 'Catatan tidak tersimpan');
                }
              }}
            >
              Simpan catatan
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
