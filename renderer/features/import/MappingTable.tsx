import { Paper, Select, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { IMPORT_FIELDS, type ImportField } from '../../../main/domain/import-fields';

type ImportReport = OutputOf<'import.report'>;

export const NONE = '-';

interface Props {
  columns: Column[];
  fields: (ImportField | null)[];
  /** The mapping the server last applied: a changed row is marked. */
  initial: (ImportField | null)[];
  report: ImportReport;
  onChange: (column: number, field: ImportField | null) => void;
}

/** Each column of the file with its title, first values and the field it is imported as. */
export function MappingTable({ columns, fields, initial, report, onChange: setField }: Props) {
  const samples = sampleValues(report);
  return (
    <Paper withBorder radius="sm">
      <Table layout="fixed" aria-label="Pemetaan kolom">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Kolom</Table.Th>
            <Table.Th w="28%">Judul kolom di berkas</Table.Th>
            <Table.Th>Contoh isi</Table.Th>
            <Table.Th w={300}>Diimpor sebagai</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c, i) => {
            const field = fields[i] ?? null;
            const changed = field !== initial[i];
            return (
              <Table.Tr key={c.index} bg={changed ? 'yellow.0' : undefined}>
                <Table.Td ff="monospace">{c.letter}</Table.Td>
                <Table.Td fw={500}>
                  {c.header || <Text c="dimmed">(tanpa judul)</Text>}
                  {c.note && (
                    <Text size="xs" c="teal.8" fw={400}>
                      {c.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" truncate="end" title={samples[i]}>
                    {samples[i] || '–'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Kolom ${c.letter} ${c.header} diimpor sebagai`}
                    data={fieldOptions(fields, i, columns)}
                    value={field ?? NONE}
                    onChange={(v) => setField(i, !v || v === NONE ? null : (v as ImportField))}
                    allowDeselect={false}
                    searchable
                    size="sm"
                    maxDropdownHeight={320}
                    styles={field ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

type Column = NonNullable<ImportReport['header']>['columns'][number];

/** The fields, grouped; a field used by another column says so (choosing it moves it here). */
function fieldOptions(fields: (ImportField | null)[], column: number, columns: Column[]) {
  const usedBy = new Map<ImportField, number>();
  fields.forEach((f, i) => {
    if (f && i !== column) usedBy.set(f, i);
  });
  const item = (key: ImportField, label: string) => {
    const other = usedBy.get(key);
    return { value: key, label: other === undefined ? label : `${label} (sekarang kolom ${columns[other].letter})` };
  };
  return [
    { value: NONE, label: 'Tidak diimpor' },
    {
      group: 'Keluarga dan pengurus',
      items: IMPORT_FIELDS.filter((f) => f.group === 'keluarga').map((f) => item(f.key, f.label)),
    },
    {
      group: 'Anggota keluarga (ART)',
      items: IMPORT_FIELDS.filter((f) => f.group === 'anggota').map((f) => item(f.key, f.label)),
    },
  ];
}

/** The first values under each column in the file's first rows. */
function sampleValues(report: ImportReport): string[] {
  const header = report.header;
  if (!header) return [];
  const rows = report.preview.filter((r) => r.row > header.row);
  return header.columns.map((c) => {
    const values: string[] = [];
    for (const r of rows) {
      const v = (r.cells[c.index] ?? '').trim();
      if (v && !values.includes(v)) values.push(v);
      if (values.length === 2) break;
    }
    return values.join(' · ');
  });
}
