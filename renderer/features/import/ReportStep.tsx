import { Alert, Button, Group, List, Loader, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber, formatWaktu } from '../../../main/domain/format';
import { DuplicatesPanel, UnknownPendampingPanel } from './ChoicesPanels';
import { ProblemsPanel } from './ProblemsPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import type { ImportJobApi } from './use-import-job';

type ImportReport = OutputOf<'import.report'>;

interface Props {
  job: ImportJobApi;
  report: ImportReport;
  onBack: () => void;
  onCommit: () => void;
  onDiscard: () => void;
}

/** What the four numbers mean, from the plan's counts. */
export function reportNumbers(report: ImportReport) {
  const c = report.counts;
  return {
    add: c.add,
    update: c.update,
    skip: c.skip + c.merged + c.unchanged,
    error: c.error,
    unchanged: c.unchanged,
    pendamping: report.choices.createPendamping.length,
  };
}

/** Step 3: the dry run. Nothing is written until the user confirms the exact counts. */
export function ReportStep({ job, report, onBack, onCommit, onDiscard }: Props) {
  const [confirming, setConfirming] = useState(false);
  const n = reportNumbers(report);
  const { state } = job;
  const previous = report.previousBatches.filter((b) => b.status === 'committed');

  return (
    <Stack gap="md">
      <Alert color="blue" title="Belum ada data yang disimpan.">
        Ini hasil uji coba berkas <b>{report.file.name}</b>
        {report.file.sheet ? ` (lembar ${report.file.sheet})` : ''}: periksa angkanya dan pilihan di bawah, lalu tekan{' '}
        <b>Simpan ke database</b>.
      </Alert>

      {previous.length > 0 && (
        <Alert color="yellow" title="Berkas yang sama persis sudah pernah diimpor">
          {previous.map((b) => `Impor #${b.id}, ${formatWaktu(b.createdAt)} oleh ${b.username}`).join('; ')}. Keluarga
          yang sudah ada dengan data yang sama tidak ditambah lagi.
        </Alert>
      )}
      {report.fatal && (
        <Alert color="red" title="Berkas belum dapat diimpor">
          {report.fatal}
        </Alert>
      )}
      {state.error && (
        <Alert color="red" title="Gagal" role="alert">
          {state.error}
        </Alert>
      )}
      {state.notice && <Alert color="blue">{state.notice}</Alert>}

      <ReportSummary report={report} numbers={n} choosing={state.choosing} />

      <SuggestionsPanel job={job} report={report} />
      <DuplicatesPanel job={job} report={report} />
      <UnknownPendampingPanel job={job} report={report} />
      <ProblemsPanel report={report} />

      <Paper
        withBorder
        p="sm"
        radius="sm"
        pos="sticky"
        bottom={0}
        style={{ zIndex: 2, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
      >
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" onClick={onBack}>
              Kembali ke kolom
            </Button>
            <Button variant="subtle" color="red" onClick={onDiscard}>
              Batalkan impor ini
            </Button>
          </Group>
          <Group gap="sm">
            {!report.canCommit && !report.fatal && (
              <Text size="sm" c="dimmed">
                {n.error > 0 && n.add + n.update === 0
                  ? 'Tidak ada keluarga yang dapat disimpan: perbaiki baris bermasalah di berkas, lalu impor lagi.'
                  : 'Tidak ada data yang perlu disimpan.'}
              </Text>
            )}
            <Button onClick={() => setConfirming(true)} disabled={!report.canCommit || state.choosing}>
              Simpan ke database
            </Button>
          </Group>
        </Group>
      </Paper>

      <CommitModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onCommit();
        }}
        fileName={report.file.name}
        numbers={n}
      />
    </Stack>
  );
}

type ReportNumbers = ReturnType<typeof reportNumbers>;

/** The four numbers of the dry run and what lies behind them. */
function ReportSummary({
  report,
  numbers: n,
  choosing,
}: {
  report: ImportReport;
  numbers: ReportNumbers;
  choosing: boolean;
}) {
  return (
    <>
      <SimpleGrid cols={4} spacing="md" aria-label="Ringkasan uji coba">
        <BigNumber label="akan ditambah" value={n.add} color="teal.8" hint="keluarga baru" />
        <BigNumber label="akan diperbarui" value={n.update} color="blue.8" hint="keluarga terdaftar" />
        <BigNumber
          label="dilewati"
          value={n.skip}
          color="gray.7"
          hint={
            n.unchanged > 0
              ? `${formatNumber(n.unchanged)} sama persis dengan data terdaftar`
              : 'ganda atau dipilih lewati'
          }
        />
        <BigNumber
          label="baris bermasalah"
          value={n.error}
          color={n.error > 0 ? 'red.8' : 'gray.7'}
          hint="tidak diimpor"
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={-6}>
        {formatNumber(report.counts.families)} keluarga dari {formatNumber(report.rows.data)} baris data
        {report.counts.membersAdded + report.counts.membersUpdated > 0 &&
          ` · anggota keluarga: ${formatNumber(report.counts.membersAdded)} ditambah, ${formatNumber(report.counts.membersUpdated)} diperbarui`}
        {report.rows.blank > 0 && ` · ${formatNumber(report.rows.blank)} baris kosong dilewati`}
        {choosing && (
          <>
            {' '}
            · <Loader size={10} /> menghitung ulang…
          </>
        )}
      </Text>
    </>
  );
}

/** The last question before saving, with the exact counts that will be written. */
function CommitModal({
  opened,
  onClose,
  onConfirm,
  fileName,
  numbers: n,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  fileName: string;
  numbers: ReportNumbers;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Simpan hasil impor ke database?">
      <Stack>
        <Text size="sm">Data dari berkas {fileName} akan disimpan:</Text>
        <List size="sm" spacing={4} aria-label="Yang akan disimpan">
          <List.Item>
            <b>{formatNumber(n.add)}</b> KPM baru ditambahkan
          </List.Item>
          <List.Item>
            <b>{formatNumber(n.update)}</b> KPM terdaftar diperbarui
          </List.Item>
          {n.pendamping > 0 && (
            <List.Item>
              <b>{formatNumber(n.pendamping)}</b> pendamping baru dibuat
            </List.Item>
          )}
          <List.Item>
            <b>{formatNumber(n.skip)}</b> dilewati dan <b>{formatNumber(n.error)}</b> baris bermasalah tidak diimpor
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Semua disimpan sekaligus, atau tidak sama sekali. Impor ini dapat dibatalkan nanti dari Riwayat impor selama
          keluarganya belum diubah lagi.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button data-autofocus onClick={onConfirm}>
            Ya, simpan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function BigNumber({ label, value, color, hint }: { label: string; value: number; color: string; hint: string }) {
  return (
    <Paper withBorder p="md" radius="sm" role="group" aria-label={`${label}: ${formatNumber(value)}`}>
      <Text fz={32} fw={700} c={color} lh={1.1}>
        {formatNumber(value)}
      </Text>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}
