import { Badge, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ComplaintRow } from '../../../main/api/evaluation.contract';
import { COMPLAINT_DUTIES } from '../../../main/domain/evaluation';
import { formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';

/** Complaints as a table; the family column links to its page (left out on the family page itself). */
export function ComplaintsTable({
  rows,
  withFamily,
  onEdit,
}: {
  rows: ComplaintRow[];
  withFamily: boolean;
  onEdit: (row: ComplaintRow) => void;
}) {
  const { can } = useSession();
  if (rows.length === 0) return <Text c="dimmed">Belum ada pengaduan.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label="Daftar pengaduan" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tanggal</Table.Th>
            {withFamily && <Table.Th>KPM</Table.Th>}
            <Table.Th>Kategori</Table.Th>
            <Table.Th>Pengaduan</Table.Th>
            <Table.Th>Ditangani</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatTanggal(c.date)}</Table.Td>
              {withFamily && (
                <Table.Td>
                  <Link to={`/kpm/${c.kpmId}`}>{c.kpmName}</Link>
                  <Text size="xs" c="dimmed">
                    {c.pendampingName ?? 'Tanpa pendamping'}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>{c.category}</Table.Td>
              <Table.Td maw={320}>{c.issue}</Table.Td>
              <Table.Td>{c.handledBy || '–'}</Table.Td>
              <Table.Td>
                {c.resolvedDate ? (
                  <>
                    <Badge color="teal" variant="light">
                      Selesai
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatTanggal(c.resolvedDate)}
                    </Text>
                  </>
                ) : (
                  <Badge color="orange" variant="light">
                    Terbuka
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {can(COMPLAINT_DUTIES.record) && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onEdit(c)}
                    aria-label={`Ubah pengaduan ${c.kpmName}`}
                  >
                    Ubah
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
