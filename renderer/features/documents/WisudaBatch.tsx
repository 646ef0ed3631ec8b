import { Alert, Button, Checkbox, Group, List, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import type { BatchProgress, PdfFile } from '../../../main/api/documents.contract';
import { batchNotice } from '../../../main/domain/batch-notice';
import {
  BATCH_ORDER_LABEL,
  BATCH_ORDERS,
  type BatchOrder,
  DOCUMENT_KIND_LABEL,
  FAMILY_KINDS,
} from '../../../main/domain/documents';
import { formatNumber, formatTanggal, todayIso } from '../../../main/domain/format';
import { BATCH_PHASE_LABEL } from '../../../main/domain/job-phases';
import { call } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';
import { PdfModal } from './PdfPreview';

type FamilyKind = (typeof FAMILY_KINDS)[number];

/** A decision of 500 families re-run after a first batch would list 1,000 lines; the register has them all. */
const EARLIER_SHOWN = 10;

/**
 * "Cetak dokumen wisuda": the chosen kinds for every family the decision approved, numbers for all or none and
 * one PDF. The job runs in the main process; this panel polls its progress and can cancel it.
 */
export function WisudaBatch({ decisionId, families }: { decisionId: number; families: number }) {
  const queryClient = useQueryClient();
  const start = useApiMutation('documents.batchStart');
  const [kinds, setKinds] = useState<string[]>(['sk_graduasi', 'piagam']);
  const [date, setDate] = useState(todayIso());
  const [order, setOrder] = useState<BatchOrder>('keluarga');
  const [reprints, setReprints] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const plan = useApi(
    'documents.batchPlan',
    { decisionId, kinds: kinds as FamilyKind[] },
    { enabled: kinds.length > 0 && families > 0 },
  );
  const earlier = plan.data?.earlier ?? [];
  const newDocuments = plan.data?.newDocuments ?? 0;
  const toPrint = newDocuments + (reprints ? earlier.length : 0);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const titleId = useId();

  const begin = async () => {
    setFailure(null);
    setOutcome(null);
    if (kinds.length === 0) return setFailure('Pilih paling sedikit satu jenis dokumen.');
    if (!date) return setFailure('Tanggal surat wajib diisi.');
    try {
      const job = await start.mutateAsync({
        decisionId,
        kinds: kinds as FamilyKind[],
        issuedDate: date,
        order,
        reprints,
      });
      setJobId(job.jobId);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const finished = async (progress: BatchProgress) => {
    setJobId(null);
    if (progress.state !== 'done') {
      setFailure(progress.message ?? 'Pencetakan dihentikan; tidak ada nomor surat yang dipakai.');
      return;
    }
    try {
      setPdf(await call('documents.batchResult', { jobId: progress.jobId }));
      const notice = batchNotice(progress.issued, progress.earlier, progress.reprinted);
      notifySuccess(notice);
      setOutcome(notice);
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
      await queryClient.invalidateQueries({ queryKey: ['documents.batchPlan'] });
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
        <BatchChoices kinds={kinds} onKinds={setKinds} order={order} onOrder={setOrder} disabled={jobId !== null} />

        <EarlierDocuments
          earlier={earlier}
          reprints={reprints}
          onReprintsChange={setReprints}
          disabled={jobId !== null}
        />
        <BatchStart
          date={date}
          onDate={setDate}
          running={jobId !== null}
          loading={start.isPending || plan.isFetching}
          blocked={families === 0 || (plan.data !== undefined && toPrint === 0)}
          toPrint={toPrint}
          onBegin={begin}
        />
        {jobId && <BatchProgressBar jobId={jobId} onFinished={finished} />}
        {failure && <Alert color="red">{failure}</Alert>}
        {outcome && (
          <Alert color="green" role="status">
            {outcome}
          </Alert>
        )}
      </Stack>
      <PdfModal file={pdf} title="Dokumen wisuda" onClose={() => setPdf(null)} />
    </Paper>
  );
}

/** The letters' date and the start; blocked when nothing is left to print. */
function BatchStart({
  date,
  onDate,
  running,
  loading,
  blocked,
  toPrint,
  onBegin,
}: {
  date: string;
  onDate: (date: string) => void;
  running: boolean;
  loading: boolean;
  blocked: boolean;
  toPrint: number;
  onBegin: () => void;
}) {
  return (
    <Group align="flex-end">
      <DateField label="Tanggal surat" value={date} onChange={onDate} clearable={false} w={200} disabled={running} />
      <Button onClick={onBegin} loading={loading} disabled={running || blocked}>
        Mulai cetak ({formatNumber(toPrint)} dokumen)
      </Button>
    </Group>
  );
}

/** Which kinds go in the batch, and in what order the PDF holds them. */
function BatchChoices({
  kinds,
  onKinds,
  order,
  onOrder,
  disabled,
}: {
  kinds: string[];
  onKinds: (kinds: string[]) => void;
  order: BatchOrder;
  onOrder: (order: BatchOrder) => void;
  disabled: boolean;
}) {
  return (
    <>
      <Checkbox.Group label="Jenis dokumen" value={kinds} onChange={onKinds}>
        <Group mt={6}>
          {FAMILY_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={DOCUMENT_KIND_LABEL[k]} disabled={disabled} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label="Urutan dalam PDF" value={order} onChange={(value) => onOrder(value as BatchOrder)}>
        <Group mt={6}>
          {BATCH_ORDERS.map((o) => (
            <Radio key={o} value={o} label={BATCH_ORDER_LABEL[o]} disabled={disabled} />
          ))}
        </Group>
      </Radio.Group>
    </>
  );
}

type EarlierDocument = OutputOf<'documents.batchPlan'>['earlier'][number];

/** Documents of this decision already issued, and whether their reprints go in the same PDF. */
function EarlierDocuments({
  earlier,
  reprints,
  onReprintsChange,
  disabled,
}: {
  earlier: EarlierDocument[];
  reprints: boolean;
  onReprintsChange: (reprints: boolean) => void;
  disabled: boolean;
}) {
  if (earlier.length === 0) return null;
  return (
    <Alert color="yellow" title={`${formatNumber(earlier.length)} dokumen sudah pernah diterbitkan`}>
      <Stack gap="xs">
        <List size="sm">
          {earlier.slice(0, EARLIER_SHOWN).map((d) => (
            <List.Item key={d.id}>
              {DOCUMENT_KIND_LABEL[d.kind]} {d.number} untuk {d.subject} ({formatTanggal(d.issuedDate)})
            </List.Item>
          ))}
        </List>
        {earlier.length > EARLIER_SHOWN && (
          <Text size="sm">
            dan {formatNumber(earlier.length - EARLIER_SHOWN)} dokumen lainnya (lihat agenda surat).
          </Text>
        )}
        <Checkbox
          label="Sertakan cetak ulangnya dalam PDF yang sama (tanpa nomor baru)"
          checked={reprints}
          onChange={(event) => onReprintsChange(event.currentTarget.checked)}
          disabled={disabled}
        />
      </Stack>
    </Alert>
  );
}

function BatchProgressBar({ jobId, onFinished }: { jobId: string; onFinished: (p: BatchProgress) => void }) {
  const cancel = useApiMutation('documents.batchCancel');
  const progress = useApi(
    'documents.batchProgress',
    { jobId },
    { refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 300) },
  );
  const p = progress.data;
  const reported = useRef(false);
  useEffect(() => {
    if (p && p.state !== 'running' && !reported.current) {
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
          {p ? `${BATCH_PHASE_LABEL[p.phase]}: ${formatNumber(p.done)} dari ${formatNumber(p.total)}` : 'Memulai…'}
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
