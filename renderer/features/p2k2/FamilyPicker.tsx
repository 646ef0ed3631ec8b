import { Button, Checkbox, Group, ScrollArea, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { GROUP_SIZE } from '../../../main/domain/p2k2';

type Family = OutputOf<'p2k2.groups.ungrouped'>['items'][number];

interface Props {
  families: Family[];
  total: number | undefined;
  picked: number[];
  onChange: (picked: number[]) => void;
}

/** A desa's families without a group, each with a checkbox, and "Pilih semua". */
export function FamilyPicker({ families, total, picked, onChange }: Props) {
  const toggle = (id: number) => onChange(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          KPM tanpa kelompok di desa ini: {total ?? '…'}; dipilih {picked.length}
          {picked.length > GROUP_SIZE.max ? ` (lebih dari ${GROUP_SIZE.max} yang dianjurkan)` : ''}
        </Text>
        <Button variant="subtle" size="xs" onClick={() => onChange(families.map((f) => f.kpmId))}>
          Pilih semua
        </Button>
      </Group>
      <ScrollArea h={260} type="auto">
        <Table aria-label="KPM tanpa kelompok">
          <Table.Tbody>
            {families.map((f) => (
              <Table.Tr key={f.kpmId}>
                <Table.Td w={40}>
                  <Checkbox
                    aria-label={`Pilih ${f.nama}`}
                    checked={picked.includes(f.kpmId)}
                    onChange={() => toggle(f.kpmId)}
                  />
                </Table.Td>
                <Table.Td>{f.nama}</Table.Td>
                <Table.Td>{f.nik}</Table.Td>
                <Table.Td>{f.alamat}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
