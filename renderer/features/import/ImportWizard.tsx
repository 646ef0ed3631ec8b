import { Alert, Button, Group, List, Stack, Stepper, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { ProgressPanel } from './ProgressPanel';
import { ReportStep } from './ReportStep';
import { type ImportJobApi, remembered } from './use-import-job';

type CommitOutcome = OutputOf<'import.commit'>;

const STEP_KEY = 'graduasi.importStep';

interface Props {
  job: ImportJobApi;
  onShowHistory: () => void;
}

/**
 * The import in four steps: file, columns, dry-run report, save. Reading again (another sheet, header row or
 * mapping) keeps the user on the step they are on; only saving moves past the report.
 */
export function ImportWizard({ job, onShowHistory }: Props) {
  const { state } = job;
  // The step survives a visit to another page, like the job itself (see remembered).
  const [step, setStepState] = useState(() => (remembered.get() ? Number(sessionStorage.getItem(STEP_KEY) ?? 0) : 0));
  const setStep = (next: number) => {
    sessionStorage.setItem(STEP_KEY, String(next));
    setStepState(next);
  };
  const report = state.report;
  const hasReport = report !== null && (state.stage === 'ready' || state.stage === 'reading');
  const saved = state.stage === 'saving' || state.stage === 'done';
  // The step on screen: saving shows the last step; without a report (a first read) only the first is possible.
  const active = state.stage === 'done' ? 4 : saved ? 3 : hasReport ? step : 0;
  // A new step starts at its top, not where the previous one was scrolled to.
  const shown = useRef(active);
  const top = useRef<HTMLElement>(null);
  useEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    window.scrollTo({ top: 0 });
    // The button that moved on left with its step: the keyboard goes on from the new step, not the page's top.
    top.current?.focus();
  });

  const startOver = () => {
    if (state.stage === 'reading') job.cancel();
    job.reset();
    setStep(0);
  };

  const commit = async () => {
    setStep(3);
    if (!(await job.commit())) setStep(2);
  };

  return (
    <section ref={top} tabIndex={-1} style={{ outline: 'none' }} aria-label={STEP_NAMES[active]}>
      <Stepper
        active={active}
        onStepClick={(s) => {
          // Only between the columns and the report: going back to the file would throw the report away.
          if (state.stage === 'reading' || saved || s === 0) return;
          if (hasReport) setStep(s);
        }}
        size="sm"
        styles={{ steps: { maxWidth: 900 }, content: { paddingTop: 'var(--mantine-spacing-lg)' } }}
      >
        <Stepper.Step label="Pilih berkas" description="Excel atau CSV" allowStepSelect={false}>
          <FileStep job={job} onRead={() => setStep(1)} />
        </Stepper.Step>
        <Stepper.Step label="Periksa kolom" description="Lembar, judul, pemetaan" allowStepSelect={!saved && hasReport}>
          {report && (
            <Reading job={job}>
              <MappingStep
                key={`${report.jobId}:${report.planId}:${report.header?.row}`}
                job={job}
                report={report}
                onBack={startOver}
                onNext={() => setStep(2)}
              />
            </Reading>
          )}
        </Stepper.Step>
        <Stepper.Step label="Laporan uji coba" description="Belum disimpan" allowStepSelect={!saved && hasReport}>
          {report && (
            <Reading job={job}>
              <ReportStep job={job} report={report} onBack={() => setStep(1)} onCommit={commit} onDiscard={startOver} />
            </Reading>
          )}
        </Stepper.Step>
        <Stepper.Step label="Simpan" description="Hasil impor" allowStepSelect={false}>
          {state.stage === 'saving' && (
            <ProgressPanel
              progress={state.progress}
              waitingLabel="Menyimpan ke database"
              onCancel={() => job.cancel()}
              cancelLabel="Batalkan penyimpanan"
            />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {state.outcome && <Done outcome={state.outcome} onAgain={startOver} onShowHistory={onShowHistory} />}
        </Stepper.Completed>
      </Stepper>
    </section>
  );
}

/** What a screen reader announces when the focus arrives at a step. */
const STEP_NAMES = [
  'Impor langkah 1 dari 4: pilih berkas',
  'Impor langkah 2 dari 4: periksa kolom',
  'Impor langkah 3 dari 4: laporan uji coba',
  'Impor langkah 4 dari 4: simpan',
  'Impor selesai',
];

/** While the file is read again, the progress replaces the step's content. */
function Reading({ job, children }: { job: ImportJobApi; children: React.ReactNode }) {
  if (job.state.stage !== 'reading') return <>{children}</>;
  return <ProgressPanel progress={job.state.progress} waitingLabel="Membaca ulang" onCancel={() => job.cancel()} />;
}

function Done({
  outcome,
  onAgain,
  onShowHistory,
}: {
  outcome: CommitOutcome;
  onAgain: () => void;
  onShowHistory: () => void;
}) {
  const saved = outcome.batchId !== null;
  return (
    <Stack gap="md" maw={720}>
      <Alert color={saved ? 'teal' : 'blue'} title={saved ? 'Impor selesai' : 'Tidak ada yang disimpan'} role="status">
        <Text size="sm">
          {saved
            ? `Impor #${outcome.batchId} tersimpan: ${formatNumber(outcome.added)} KPM ditambah, ${formatNumber(outcome.updated)} diperbarui.`
            : outcome.message}
        </Text>
        {saved && (
          <List size="sm" mt="xs" spacing={2}>
            {outcome.unchanged > 0 && (
              <List.Item>{formatNumber(outcome.unchanged)} sama dengan data terdaftar, tidak diubah</List.Item>
            )}
            <List.Item>{formatNumber(outcome.skipped)} dilewati</List.Item>
            <List.Item>{formatNumber(outcome.errors)} baris bermasalah tidak diimpor</List.Item>
          </List>
        )}
      </Alert>
      <Group>
        <Button component={Link} to="/kpm">
          Buka Data KPM
        </Button>
        <Button variant="default" onClick={onShowHistory}>
          Lihat riwayat impor
        </Button>
        <Button variant="subtle" onClick={onAgain}>
          Impor berkas lain
        </Button>
      </Group>
    </Stack>
  );
}
