import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { formatRupiah } from '../../../main/domain/format';
import { type FamilyBenefit, KOMPONEN_LABEL, MAX_COUNTED_KOMPONEN } from '../../../main/domain/komponen';

/** Per-komponen benefit lines, which count towards the cap of four, and the totals per year and per tahap. */
export function BenefitSummary({ benefit }: { benefit: FamilyBenefit }) {
  return (
    <Stack gap="xs">
      {benefit.lines.length > 0 && (
        <Table withTableBorder layout="fixed" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Komponen</Table.Th>
              <Table.Th>Anggota</Table.Th>
              <Table.Th w={150} ta="right">
                Per tahun
              </Table.Th>
              <Table.Th w={200}>Dihitung</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {benefit.lines.map((line) => (
              <Table.Tr key={`${line.komponen}:${line.memberName}`} c={line.counted ? undefined : 'dimmed'}>
                <Table.Td>{KOMPONEN_LABEL[line.komponen]}</Table.Td>
                <Table.Td>{line.memberName}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatRupiah(line.yearly)}
                </Table.Td>
                <Table.Td>
                  {line.counted ? (
                    <Badge variant="light" color="teal" tt="none">
                      Ya
                    </Badge>
                  ) : (
                    <Badge variant="light" color="gray" tt="none">
                      Tidak (lebih dari {MAX_COUNTED_KOMPONEN})
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xl">
        <Text size="sm">
          Jumlah komponen: <b>{benefit.componentCount}</b>
        </Text>
        <Text size="sm">
          Bantuan per tahun: <b>{formatRupiah(benefit.yearlyTotal)}</b>
        </Text>
        <Text size="sm">
          Per tahap (4 tahap setahun): <b>{formatRupiah(benefit.perTahap)}</b>
        </Text>
      </Group>
      {benefit.warnings.map((warning) => (
        <Alert key={warning} color="yellow" variant="light" p="xs">
          {warning}
        </Alert>
      ))}
    </Stack>
  );
}
