import { ActionIcon, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CatalogueColumn } from '../../../main/api/exports.contract';
import type { TemplateForm } from './template-form';

interface Props {
  form: TemplateForm;
  /** The kind's column catalogue: what may be added, and each column's own name. */
  catalogue: CatalogueColumn[];
  /** False for built-in templates and for roles that may not save templates: the columns are only shown. */
  editable: boolean;
  /** Why the columns cannot be changed here, when they cannot. */
  readOnlyNote: string;
}

/** The file's columns in order, each with its header; arrows (not drag and drop) move them, so a keyboard can. */
export function ColumnsEditor({ form, catalogue, editable, readOnlyNote }: Props) {
  const columns = form.values.columns;
  const nameOf = new Map(catalogue.map((c) => [c.key, c.header]));
  const chosen = new Set(columns.map((c) => c.key));
  const addable = catalogue.filter((c) => !chosen.has(c.key)).map((c) => ({ value: c.key, label: c.header }));
  const move = (from: number, to: number) => form.reorderListItem('columns', { from, to });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h5">
            Kolom ({columns.length})
          </Title>
          {editable && (
            <Select
              aria-label="Tambah kolom"
              placeholder={addable.length ? '+ Tambah kolom' : 'Semua kolom sudah dipilih'}
              data={addable}
              value={null}
              onChange={(key) => {
                const column = catalogue.find((c) => c.key === key);
                if (column) form.insertListItem('columns', { key: column.key, header: column.header });
              }}
              disabled={addable.length === 0}
              searchable
              w={260}
            />
          )}
        </Group>
        {!editable && (
          <Text size="sm" c="dimmed">
            {readOnlyNote}
          </Text>
        )}
        {typeof form.errors.columns === 'string' && (
          <Text size="sm" c="red">
            {form.errors.columns}
          </Text>
        )}
        <Table verticalSpacing={4} aria-label="Kolom berkas" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>No</Table.Th>
              <Table.Th w="35%">Data</Table.Th>
              <Table.Th>Judul kolom di berkas</Table.Th>
              {editable && <Table.Th w={112} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((column, i) => {
              const name = nameOf.get(column.key) ?? column.key;
              return (
                <Table.Tr key={column.key}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td fz="sm">{name}</Table.Td>
                  <Table.Td fz="sm">
                    {editable ? (
                      <TextInput
                        aria-label={`Judul kolom ${name}`}
                        size="xs"
                        {...form.getInputProps(`columns.${i}.header`)}
                      />
                    ) : (
                      column.header
                    )}
                  </Table.Td>
                  {editable && (
                    <ColumnActions
                      name={name}
                      first={i === 0}
                      last={i === columns.length - 1}
                      onUp={() => move(i, i - 1)}
                      onDown={() => move(i, i + 1)}
                      onRemove={() => form.removeListItem('columns', i)}
                    />
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

/** Moving a column up or down (arrows, so a keyboard can) and removing it. */
function ColumnActions({
  name,
  first,
  last,
  onUp,
  onDown,
  onRemove,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        <ActionIcon
          variant="default"
          aria-label={`Naikkan kolom ${name}`}
          title="Naikkan"
          disabled={first}
          onClick={onUp}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label={`Turunkan kolom ${name}`}
          title="Turunkan"
          disabled={last}
          onClick={onDown}
        >
          ↓
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Hapus kolom ${name}`}
          title="Hapus kolom"
          onClick={onRemove}
        >
          ✕
        </ActionIcon>
      </Group>
    </Table.Td>
  );
}
