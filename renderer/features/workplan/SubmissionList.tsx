import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SubmissionListRow } from '../../../main/api/workplan.contract';
import { formatTanggal } from '../../../main/domain/format';
import { officeDate, SUBMISSION_LABEL, SUBMISSION_STATES, type SubmissionState } from '../../../main/domain/workplan';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';

const STATE_COLOR: Record<SubmissionState, string> = {
  on_time: 'green',
  late: 'orange',
  draft: 'gray',
  none: 'red',
};

/** The month's list for the office: each pendamping's plan, submitted on time or late, a draft, or nothing. */
export function SubmissionList({ month }: { month: string }) {
  const query = useApi('workPlans.submissions', { month });
  return (
    <Loaded query={query} label="Memuat pengajuan rencana kerja">
      {(list) => (
        <>
          <Group gap="xs" mb="xs">
            <Text size="sm" c="dimmed">
              Batas pengajuan {formatTanggal(list.deadline)}:
            </Text>
            {SUBMISSION_STATES.map((s) => (
              <Badge key={s} color={STATE_COLOR[s]} variant="light">
                {SUBMISSION_LABEL[s]}: {list.counts[s]}
              </Badge>
            ))}
          </Group>
          <Paper withBorder radius="sm">
            <Table striped highlightOnHover aria-label="Pengajuan rencana kerja">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Pendamping</Table.Th>
                  <Table.Th>Keadaan</Table.Th>
                  <Table.Th>Diajukan</Table.Th>
                  <Table.Th ta="right">Kegiatan</Table.Th>
                  <Table.Th ta="right">Terlaksana</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.rows.map((row) => (
                  <SubmissionRow key={row.pendampingId} row={row} month={month} />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Loaded>
  );
}

function SubmissionRow({ row, month }: { row: SubmissionListRow; month: string }) {
  const a = row.achievement;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/rencana-kerja?bulan=${month}&pendamping=${row.pendampingId}`}>
          {row.pendampingName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge color={STATE_COLOR[row.state]} variant="light">
            {SUBMISSION_LABEL[row.state]}
          </Badge>
          {row.late && row.state !== 'late' && (
            <Badge color="red" variant="outline">
              Lewat batas
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{row.submittedAt ? formatTanggal(officeDate(new Date(row.submittedAt))) : '–'}</Table.Td>
      <Table.Td ta="right">{row.items}</Table.Td>
      <Table.Td ta="right">
        {a.planned > 0 ? `${a.done}/${a.planned}${a.percent !== null ? ` (${a.percent}%)` : ''}` : '–'}
      </Table.Td>
    </Table.Tr>
  );
}
