import { Alert, Button, Checkbox, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { BatchProgress, PdfFile } from '../../../main/api/documents.contract';
import { DOCUMENT_KIND_LABEL, FAMILY_KINDS } from '../../../main/domain/documents';
import { formatNumber, todayIso } from '../../../main/domain/format';
import { call } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';
import { PdfModal } from './PdfPreview';

type FamilyKind = (typeof FAMILY_KINDS)[number];

const PHASE_LABEL: Record<string, string> = {
  menyiapkan: 'Menyiapkan data keluarga',
  menyusun: 'Menyusun PDF',
  menyimpan: 'Menyimpan nomor surat',
};

/**
 * "Cetak dokumen wisuda": the chosen kinds for every family the decision approved, numbers for all or none and
 * one PDF. The job runs in the main process; this panel polls its progress and can cancel it.
 */
export function WisudaBatch({ decisionId, families }: { decisionId: number; families: number }) {
  const queryClient = useQueryClient();
  const start = useApiMutation('documents.batchStart');
  const [kinds, setKinds] = useState<string[]>(['sk_graduasi', 'piagam']);
  const [date, setDate] = useState(todayIso());
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const titleId = useId();

  const begin = async () => {
    setFailure(null);
    if (kinds.length === 0) return setFailure('Pilih paling sedikit satu jenis dokumen.');
    if (!date) return setFailure('Tanggal surat wajib diisi.');
    try {
      const job = await start.mutateAsync({ decisionId, kinds: kinds as FamilyKind[], issuedDate: date });
      setJobId(job.jobId);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const finished = async (progress: BatchProgress) => {
    setJobId(null);
    if (progress.state !== 'selesai') {
      setFailure(progress.message ?? 'Pencetakan dihentikan; tidak ada nomor surat yang dipakai.');
      return;
    }
    try {
      setPdf(await call('documents.batchResult', { jobId: progress.jobId }));
      notifySuccess(`${formatNumber(progress.issued)} dokumen diterbitkan.`);
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
      await queryClient.invalidateQueries({ queryKey: ['documents.forFamily'] });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md">
      <Stack gap="sm">
        <Title id={titleId} order={2} size="h5">
          Cetak dokumen wisuda
        </Title>
        <Text size="sm" c="dimmed">
          Untuk {formatNumber(families)} keluarga yang disetujui: setiap jenis yang dipilih mendapat nomor surat untuk
          semua keluarga sekaligus (atau tidak sama sekali bila gagal), dalam satu PDF.
        </Text>
        <Checkbox.Group label="Jenis dokumen" value={kinds} onChange={setKinds}>
          <Group mt={6}>
            {FAMILY_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={DOCUMENT_KIND_LABEL[k]} disabled={jobId !== null} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group align="flex-end">
          <DateField
            label="Tanggal surat"
            value={date}
            onChange={setDate}
            clearable={false}
            w={200}
            disabled={jobId !== null}
          />
          <Button onClick={begin} loading={start.isPending} disabled={jobId !== null || families === 0}>
            Mulai cetak ({formatNumber(families * kinds.length)} dokumen)
          </Button>
        </Group>
        {jobId && <BatchProgressBar jobId={jobId} onFinished={finished} />}
        {failure && <Alert color="red">{failure}</Alert>}
      </Stack>
      <PdfModal file={pdf} title="Dokumen wisuda" onClose={() => setPdf(null)} />
    </Paper>
  );
}

function BatchProgressBar({ jobId, onFinished }: { jobId: string; onFinished: (p: BatchProgress) => void }) {
  const cancel = useApiMutation('documents.batchCancel');
  const progress = useApi(
    'documents.batchProgress',
    { jobId },
    { refetchInterval: (query) => (query.state.data && query.state.data.state !== 'berjalan' ? false : 300) },
  );
  const p = progress.data;
  const reported = useRef(false);
  useEffect(() => {
    if (p && p.state !== 'berjalan' && !reported.current) {
      reported.current = true;
      onFinished(p);
    }
  }, [p, onFinished]);
  if (progress.error) return <Alert color="red">{errorMessage(progress.error)}</Alert>;
  const percent = p && p.total > 0 ? (p.done / p.total) * 100 : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">
          {p ? `${PHASE_LABEL[p.phase] ?? p.phase}: ${formatNumber(p.done)} dari ${formatNumber(p.total)}` : 'Memulai…'}
        </Text>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          loading={cancel.isPending}
          onClick={() => cancel.mutate({ jobId })}
        >
          Batalkan pencetakan
        </Button>
      </Group>
      <Progress value={percent} animated aria-label="Kemajuan pencetakan" />
    </Stack>
  );
}
