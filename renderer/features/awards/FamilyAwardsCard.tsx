import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AWARD_STAGE_LABEL } from '../../../main/domain/awards';
import { formatRupiah, formatTanggal } from '../../../main/domain/format';
import { useApi } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { STAGE_COLOR } from './labels';

/** The family page's "Bantuan usaha": every award it was planned or given, with its BAST. */
export function FamilyAwardsCard({ kpmId }: { kpmId: number }) {
  const query = useApi('awards.forFamily', { kpmId });
  return (
    <Loaded query={query} label="Memuat bantuan usaha">
      {(rows) =>
        rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            Keluarga ini belum menerima bantuan usaha.
          </Text>
        ) : (
          <Table aria-label="Bantuan usaha keluarga" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Program</Table.Th>
                <Table.Th>Paket</Table.Th>
                <Table.Th ta="right">Nilai</Table.Th>
                <Table.Th>Tahap</Table.Th>
                <Table.Th>BAST</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} c={r.correctedByAwardId ? 'dimmed' : undefined}>
                  <Table.Td fz="sm">
                    <Anchor component={Link} to={`/bantuan/${r.programId}`} size="sm">
                      {r.programName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td fz="sm">
                    {r.packageText}
                    <Text size="xs" c="dimmed">
                      {r.businessType}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm" ta="right">
                    {formatRupiah(r.total)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STAGE_COLOR[r.stage]} variant="light">
                      {AWARD_STAGE_LABEL[r.stage]}
                    </Badge>
                    {r.correctedByAwardId && (
                      <Text size="xs" c="dimmed">
                        dikoreksi
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {r.bastNumber ? (
                      <>
                        <Text size="sm" ff="monospace">
                          {r.bastNumber}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatTanggal(r.handoverDate)}
                        </Text>
                      </>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </Loaded>
  );
}
