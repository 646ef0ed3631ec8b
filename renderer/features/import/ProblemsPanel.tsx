import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { SEVERITY_LABEL } from '../../../main/domain/problem-severity';
import { call } from '../../api';
import { errorMessage, notifyError } from '../shared/errors';
import { PageFooter } from '../shared/PageFooter';
import { downloadBase64 } from './files';
import { ProblemsTable } from './ProblemsTable';

type ImportReport = OutputOf<'import.report'>;

const PAGE_SIZE = 15;
type Severity = 'semua' | 'error' | 'warning';

/** Every problem of the file, paged on the server, filterable by severity and by kind. */
export function ProblemsPanel({ report }: { report: ImportReport }) {
  const [severity, setSeverity] = useState<Severity>('semua');
  const [code, setCode] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const total = report.problemsTotal.error + report.problemsTotal.warning;
  const input = {
    jobId: report.jobId,
    page,
    pageSize: PAGE_SIZE,
    severity: severity === 'semua' ? null : severity,
    code,
  };
  // The plan id is in the key: another choice gives another plan and other problems.
  const problems = useQuery({
    queryKey: ['import.problems', report.planId, input],
    queryFn: () => call('import.problems', input),
    placeholderData: keepPreviousData,
    enabled: total > 0,
  });

  const filter = (next: { severity?: Severity; code?: string | null }) => {
    if (next.severity !== undefined) setSeverity(next.severity);
    if (next.code !== undefined) setCode(next.code);
    setPage(1);
  };

  if (total === 0) {
    // Without data rows (no header found, nothing mapped) "no problems" would mislead.
    if (report.fatal || report.rows.data === 0) return null;
    return (
      <Alert color="teal" title="Tidak ada masalah di berkas">
        Semua baris terbaca dan lolos pemeriksaan.
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="import-problems-title">
      <Stack gap="sm">
        <ProblemsHeading jobId={report.jobId} />

        <ProblemCounts counts={report.problemCounts} code={code} onFilter={filter} />

        <SegmentedControl
          aria-label="Tampilkan"
          value={severity}
          onChange={(v) => filter({ severity: v as Severity, code: null })}
          data={[
            { value: 'semua', label: `Semua (${formatNumber(total)})` },
            { value: 'error', label: `${SEVERITY_LABEL.error} (${formatNumber(report.problemsTotal.error)})` },
            { value: 'warning', label: `${SEVERITY_LABEL.warning} (${formatNumber(report.problemsTotal.warning)})` },
          ]}
          w="fit-content"
        />

        {problems.error ? (
          <Alert color="red">{errorMessage(problems.error)}</Alert>
        ) : !problems.data ? (
          <Center p="md">
            <Loader size="sm" aria-label="Memuat masalah" />
          </Center>
        ) : (
          <ProblemsTable items={problems.data.items} />
        )}
        <PageFooter
          page={page}
          pageSize={PAGE_SIZE}
          total={problems.data?.total ?? 0}
          noun="masalah"
          onChange={setPage}
        />
      </Stack>
    </Paper>
  );
}

/** The panel's title, what the two severities mean, and the download of the rows with problems. */
function ProblemsHeading({ jobId }: { jobId: string }) {
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const file = await call('import.problemsXlsx', { jobId: jobId });
      downloadBase64(file.base64, file.fileName);
    } catch (error) {
      notifyError(error, 'Berkas tidak dapat dibuat');
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2} size="h4" id="import-problems-title">
          Masalah di berkas
        </Title>
        <Text size="sm" c="dimmed">
          <Text span c="red.8" fw={500} inherit>
            Kesalahan
          </Text>
          : baris tidak diimpor sampai diperbaiki di berkas.{' '}
          <Text span c="yellow.9" fw={500} inherit>
            Peringatan
          </Text>
          : baris tetap diimpor; periksa bila perlu.
        </Text>
      </div>
      <Button variant="default" onClick={download} loading={downloading}>
        Unduh baris bermasalah (.xlsx)
      </Button>
    </Group>
  );
}

type ProblemCount = ImportReport['problemCounts'][number];

/** One badge per kind of problem with its count; pressing one shows only that kind. */
function ProblemCounts({
  counts,
  code,
  onFilter: filter,
}: {
  counts: ProblemCount[];
  code: string | null;
  onFilter: (next: { severity?: Severity; code?: string | null }) => void;
}) {
  return (
    <Group gap={6} aria-label="Jumlah per jenis masalah" role="group">
      {counts.map((c) => {
        const active = code === c.code;
        return (
          <UnstyledButton
            key={`${c.severity}:${c.code}`}
            onClick={() => filter({ code: active ? null : c.code, severity: 'semua' })}
            aria-pressed={active}
          >
            <Badge
              color={c.severity === 'error' ? 'red' : 'yellow'}
              variant={active ? 'filled' : 'light'}
              tt="none"
              size="lg"
              radius="sm"
              fw={500}
            >
              {c.label}: {formatNumber(c.count)}
            </Badge>
          </UnstyledButton>
        );
      })}
      {code && (
        <Button variant="subtle" size="compact-sm" onClick={() => filter({ code: null })}>
          Tampilkan semua jenis
        </Button>
      )}
    </Group>
  );
}
