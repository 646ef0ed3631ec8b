import {
  Alert,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { IMPORT_FIELD_LABEL, type ImportField } from '../../../main/domain/import-fields';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';
import { HeaderControls } from './HeaderControls';
import { MappingTable } from './MappingTable';
import { type ImportJobApi, importErrorMessage } from './use-import-job';

type ImportReport = OutputOf<'import.report'>;

/** What a new family cannot do without (see the plan's REQUIRED_FOR_NEW); kecamatan/desa either one. */
const REQUIRED: ImportField[] = ['nik', 'noKk', 'nama'];

const SOURCE_LABEL: Record<NonNullable<ImportReport['mappingSource']>, string> = {
  otomatis: 'dikenali otomatis',
  tersimpan: 'dari pemetaan tersimpan',
  pengguna: 'diatur sendiri',
};

interface Props {
  job: ImportJobApi;
  report: ImportReport;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: which sheet, which row holds the column titles, and what each column is. */
export function MappingStep({ job, report, onBack, onNext }: Props) {
  const { state } = job;
  const columns = report.header?.columns ?? [];
  const initial = useMemo(() => columns.map((c) => c.field), [columns]);
  const [fields, setFields] = useState<(ImportField | null)[]>(initial);
  const [headerRow, setHeaderRow] = useState<number | string>(report.header?.row ?? '');
  const [showPreview, setShowPreview] = useState(report.header === null);
  const dirty = fields.some((f, i) => f !== initial[i]);

  const setField = (column: number, field: ImportField | null) =>
    setFields((current) => current.map((f, i) => (i === column ? field : f === field && field !== null ? null : f)));

  const apply = () => {
    const mapping: Record<string, number> = {};
    fields.forEach((f, i) => {
      if (f) mapping[f] = i;
    });
    job.configure({ mapping });
  };

  return (
    <Stack gap="md">
      <HeaderControls
        job={job}
        report={report}
        headerRow={headerRow}
        onHeaderRowChange={setHeaderRow}
        onTogglePreview={() => setShowPreview((v) => !v)}
        showPreview={showPreview}
      />

      <Collapse expanded={showPreview}>
        <FilePreview report={report} onPick={(row) => job.configure({ headerRow: row, mapping: null })} />
      </Collapse>

      <Summary report={report} />

      {state.error && (
        <Alert color="red" title="Berkas tidak dapat dibaca dengan pengaturan ini" role="alert">
          {state.error}
        </Alert>
      )}
      {report.fatal && (
        <Alert color="orange" title="Periksa pengaturan kolom">
          {report.fatal}
        </Alert>
      )}
      {report.missingFromSavedMapping.length > 0 && (
        <Alert color="yellow" title={`Sebagian kolom pemetaan "${report.mappingName}" tidak ada di berkas ini`}>
          Tidak ditemukan: {report.missingFromSavedMapping.join(', ')}. Periksa pemetaan di bawah.
        </Alert>
      )}

      {columns.length > 0 && !report.fatal && <MissingFieldsAlert fields={fields} />}

      {columns.length > 0 && (
        <MappingTable columns={columns} fields={fields} initial={initial} report={report} onChange={setField} />
      )}

      {columns.length > 0 && (
        <Group justify="space-between" align="flex-end">
          <Group gap="xs">
            <Button onClick={apply} disabled={!dirty}>
              Terapkan
            </Button>
            {dirty && (
              <Button variant="subtle" onClick={() => setFields(initial)}>
                Kembalikan
              </Button>
            )}
          </Group>
          <SaveMapping jobId={report.jobId} disabled={dirty} />
        </Group>
      )}

      <Group justify="space-between" mt="sm">
        <Button variant="default" onClick={onBack}>
          Pilih berkas lain
        </Button>
        <Group gap="sm">
          {dirty && (
            <Text size="sm" c="dimmed">
              Tekan Terapkan dulu agar perubahan kolom dipakai.
            </Text>
          )}
          <Button onClick={onNext} disabled={dirty || report.fatal !== null}>
            Lanjut: laporan uji coba
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The fields a new family cannot do without that no column gives yet. */
function MissingFieldsAlert({ fields }: { fields: (ImportField | null)[] }) {
  const mapped = new Set(fields.filter((f): f is ImportField => f !== null));
  const missing = REQUIRED.filter((f) => !mapped.has(f));
  if (!mapped.has('kecamatan') && !mapped.has('desa')) missing.push('desa');
  if (missing.length === 0) return null;
  return (
    <Alert color="yellow" title="Kolom wajib untuk keluarga baru belum dipetakan">
      Belum ada kolom untuk: <b>{missing.map((f) => IMPORT_FIELD_LABEL[f]).join(', ')}</b>. Tanpa isian ini keluarga
      baru tidak dapat ditambahkan; keluarga yang sudah terdaftar tetap dapat diperbarui. Bila ada kolom yang isinya
      sesuai, pilih di tabel lalu tekan <b>Terapkan</b>.
    </Alert>
  );
}

function Summary({ report }: { report: ImportReport }) {
  if (!report.header) return null;
  const { header } = report;
  return (
    <Group gap="xs">
      <Text size="sm">
        Judul kolom di baris <b>{header.row}</b>
        {header.titleRows > 0 && ` (${header.titleRows} baris judul laporan di atasnya dilewati)`} ·{' '}
        <b>{formatNumber(report.rows.data)}</b> baris data · {report.layoutLabel}
      </Text>
      {report.mappingSource && (
        <Badge variant="light" color="gray" tt="none">
          Kolom {SOURCE_LABEL[report.mappingSource]}
          {report.mappingName ? `: ${report.mappingName}` : ''}
        </Badge>
      )}
    </Group>
  );
}

/** The first rows as Excel shows them, to find the row with the column titles. */
function FilePreview({ report, onPick }: { report: ImportReport; onPick: (row: number) => void }) {
  const rows = report.preview.slice(0, 12);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Baris awal berkas belum tersedia.
      </Text>
    );
  }
  const width = Math.min(10, Math.max(...rows.map((r) => r.cells.length)));
  return (
    <Paper withBorder radius="sm">
      <ScrollArea>
        <Table fz="xs" verticalSpacing={2} withColumnBorders aria-label="Baris awal berkas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Baris</Table.Th>
              {Array.from({ length: width }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
                <Table.Th key={i} ff="monospace">
                  {String.fromCharCode(65 + i)}
                </Table.Th>
              ))}
              <Table.Th w={130} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const isHeader = report.header?.row === r.row;
              return (
                <Table.Tr key={r.row} bg={isHeader ? 'teal.0' : undefined} fw={isHeader ? 600 : undefined}>
                  <Table.Td>{r.row}</Table.Td>
                  {Array.from({ length: width }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
                    <Table.Td key={i} maw={160} style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
                      {r.cells[i] ?? ''}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {isHeader ? (
                      <Text size="xs" c="teal.8">
                        baris judul kolom
                      </Text>
                    ) : (
                      <Button size="compact-xs" variant="subtle" onClick={() => onPick(r.row)}>
                        Jadikan judul
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

function SaveMapping({ jobId, disabled }: { jobId: string; disabled: boolean }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('import.saveMapping');
  const existing = useApi('import.mappings', {});
  const queryClient = useQueryClient();
  const submit = async () => {
    setError(null);
    try {
      const trimmed = name.trim();
      const replaced = existing.data?.some((m) => m.name === trimmed);
      await save.mutateAsync({ name: trimmed, jobId });
      await queryClient.invalidateQueries({ queryKey: apiKey('import.mappings') });
      notifySuccess(
        replaced
          ? `Pemetaan kolom "${trimmed}" diperbarui.`
          : `Pemetaan kolom "${trimmed}" disimpan. Pilih di langkah pertama untuk berkas berikutnya.`,
      );
      setName('');
    } catch (e) {
      setError(importErrorMessage(e));
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Title order={3} size="h6" c="dimmed" fw={500}>
        Untuk berkas berikutnya yang berbentuk sama
      </Title>
      <Group gap="xs" align="flex-start">
        <TextInput
          aria-label="Nama pemetaan"
          placeholder="mis. Format SIKS-NG"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          w={260}
          disabled={disabled}
        />
        <Button variant="default" onClick={submit} disabled={disabled || !name.trim()} loading={save.isPending}>
          Simpan pemetaan
        </Button>
      </Group>
    </Stack>
  );
}
