import { Badge, Group, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { SEVERITY_LABEL } from '../../../main/domain/problem-severity';
import { problemText } from './labels';

type Problem = OutputOf<'import.problems'>['items'][number];

/** One page of problems: the row and column, the value as read, and what is wrong with it. */
export function ProblemsTable({ items }: { items: Problem[] }) {
  return (
    <Table layout="fixed" striped aria-label="Daftar masalah" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>Baris</Table.Th>
          <Table.Th w="17%">Kolom</Table.Th>
          <Table.Th w="18%">Nilai</Table.Th>
          <Table.Th>Masalah</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one row may have the same problem twice; the page order is fixed
          <Table.Tr key={`${p.row}:${p.column}:${p.code}:${i}`}>
            <Table.Td>{p.row > 0 ? p.row : '–'}</Table.Td>
            <Table.Td>
              {p.column && (
                <Text span size="sm" c="dimmed">
                  {p.column} ·{' '}
                </Text>
              )}
              {p.header}
            </Table.Td>
            <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {p.value || <Text c="dimmed">(kosong)</Text>}
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge
                  color={p.severity === 'error' ? 'red' : 'yellow'}
                  variant="light"
                  tt="none"
                  radius="sm"
                  miw={100}
                  style={{ flexShrink: 0, overflow: 'visible' }}
                >
                  {SEVERITY_LABEL[p.severity]}
                </Badge>
                <div>
                  <Text size="sm">{problemText(p)}</Text>
                  {p.expected && (
                    <Text size="xs" c="dimmed">
                      Seharusnya: {p.expected}
                    </Text>
                  )}
                </div>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
