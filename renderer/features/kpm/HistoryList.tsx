import { Button, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { AuditEntry } from '../../../main/api/kpm.contract';
import { formatWaktu } from '../../../main/domain/format';
import { diffSnapshots, type NameLookup } from './history-diff';

/** Who changed what and when, newest first; each entry opens to show the fields before and after. */
export function HistoryList({ entries, names }: { entries: AuditEntry[]; names: NameLookup }) {
  if (entries.length === 0) return <Text c="dimmed">Belum ada riwayat.</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {entries.map((entry) => (
        <Timeline.Item key={entry.id}>
          <HistoryEntry entry={entry} names={names} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function HistoryEntry({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const [open, setOpen] = useState(false);
  const rows = diffSnapshots(entry.before, entry.after, names);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {entry.summary}
      </Text>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {formatWaktu(entry.at)} · oleh {entry.username}
        </Text>
        {rows.length > 0 && (
          <Button variant="subtle" size="compact-xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Sembunyikan rincian' : 'Lihat rincian'}
          </Button>
        )}
      </Group>
      {/* Rendered only when opened: a long history would otherwise carry every diff table. */}
      {open && (
        <Table withTableBorder layout="fixed" mt={4} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>Kolom</Table.Th>
              <Table.Th>Sebelum</Table.Th>
              <Table.Th>Sesudah</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {row.before}
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{row.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
