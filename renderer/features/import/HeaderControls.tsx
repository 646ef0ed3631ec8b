import { Button, Group, NumberInput, Select } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import type { ImportJobApi } from './use-import-job';

type ImportReport = OutputOf<'import.report'>;

interface Props {
  job: ImportJobApi;
  report: ImportReport;
  headerRow: number | string;
  onHeaderRowChange: (row: number | string) => void;
  showPreview: boolean;
  onTogglePreview: () => void;
}

/** Which sheet and which row holds the column titles, and the switch for the file's first rows. */
export function HeaderControls({ job, report, headerRow, onHeaderRowChange, showPreview, onTogglePreview }: Props) {
  const headerChanged = report.header ? Number(headerRow) !== report.header.row : headerRow !== '';
  const isXlsx = report.file.kind === 'xlsx';
  const sheetOptions = report.file.sheets.map((s) => ({
    value: s.name,
    label: s.hidden ? `${s.name} (tersembunyi)` : s.name,
  }));

  return (
    <Group gap="xl" align="flex-end">
      {isXlsx && (
        <Select
          label="Lembar (sheet)"
          data={sheetOptions}
          value={report.file.sheet}
          onChange={(sheet) => sheet && sheet !== report.file.sheet && job.configure({ sheet })}
          allowDeselect={false}
          w={240}
        />
      )}
      <Group gap="xs" align="flex-end">
        <NumberInput
          label="Baris judul kolom"
          description="Nomor baris seperti di Excel"
          value={headerRow}
          onChange={onHeaderRowChange}
          min={1}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          w={170}
        />
        <Button
          variant="default"
          disabled={!headerChanged || !Number(headerRow)}
          onClick={() => job.configure({ headerRow: Number(headerRow), mapping: null })}
        >
          Pakai baris ini
        </Button>
      </Group>
      <Button variant="subtle" size="compact-sm" onClick={onTogglePreview} mb={6}>
        {showPreview ? 'Sembunyikan baris awal berkas' : 'Lihat baris awal berkas'}
      </Button>
    </Group>
  );
}
