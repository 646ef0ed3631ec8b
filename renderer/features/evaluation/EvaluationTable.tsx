import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EvaluationMonth, EvaluationRow } from '../../../main/api/evaluation.contract';
import { EVALUATION_DUTIES } from '../../../main/domain/evaluation';
import { useSession } from '../session/session';
import { figureText, percentText } from './figure-text';

/** Every pendamping's month, ranked: the figures, the weighted total, the lowest flagged, and the actions. */
export function EvaluationTable({
  data,
  onEvaluate,
}: {
  data: EvaluationMonth;
  onEvaluate: (row: EvaluationRow) => void;
}) {
  const { can } = useSession();
  if (data.rows.length === 0) return <Text c="dimmed">Belum ada pendamping aktif.</Text>;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label="Evaluasi pendamping" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Peringkat</Table.Th>
            <Table.Th>Pendamping</Table.Th>
            {data.figures.map((f) => (
              <Table.Th key={f.key} title={f.note}>
                {f.label}
              </Table.Th>
            ))}
            <Table.Th>Nilai</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Table.Tr key={r.pendampingId} bg={r.flagged ? 'red.0' : undefined}>
              <Table.Td>{r.rank ?? '–'}</Table.Td>
              <Table.Td>
                <Text fw={600}>{r.name}</Text>
                {r.flagged && (
                  <Badge color="red" variant="light" size="sm">
                    Terendah
                  </Badge>
                )}
                {r.evaluation && (
                  <Badge color="teal" variant="light" size="sm" ml={4}>
                    Dievaluasi
                  </Badge>
                )}
              </Table.Td>
              {data.figures.map((f) => (
                <Table.Td key={f.key} style={{ whiteSpace: 'nowrap' }}>
                  {figureText(f, r.figures[f.key])}
                </Table.Td>
              ))}
              <Table.Td fw={700}>{r.total === null ? '–' : percentText(r.total).replace('%', '')}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    component={Link}
                    to={`/evaluasi/laporan/${r.pendampingId}?bulan=${data.month}`}
                    aria-label={`Laporan bulanan ${r.name}`}
                  >
                    Laporan
                  </Button>
                  {can(EVALUATION_DUTIES.evaluate) && (
                    <Button size="xs" onClick={() => onEvaluate(r)} aria-label={`Nilai ${r.name}`}>
                      Nilai
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
