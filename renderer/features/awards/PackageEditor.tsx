import { ActionIcon, Alert, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import type { AwardItem, ProgramSummary } from '../../../main/api/awards.contract';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import { useApi } from '../shared/api-hooks';
import { MoneyInput } from '../shared/MoneyInput';

export interface PackageValue {
  lines: { itemId: number; quantity: number }[];
  /** Null when the cash field is empty (no cash); NaN while its text is not an amount. */
  cash: number | null;
}

export const EMPTY_PACKAGE: PackageValue = { lines: [], cash: null };

/** Cash whose text is not an amount: the field says why, and the package is not sent until it is fixed. */
export const cashUnreadable = (value: PackageValue) => Number.isNaN(value.cash);

/** The package's value at today's catalogue prices (the server prices it the same way when it saves). */
export function packageTotal(value: PackageValue, items: AwardItem[]): number {
  const price = new Map(items.map((i) => [i.id, i.unitPrice]));
  const cash = Number.isFinite(value.cash) ? (value.cash as number) : 0;
  return value.lines.reduce((sum, l) => sum + (price.get(l.itemId) ?? 0) * l.quantity, cash);
}

interface Props {
  program: ProgramSummary;
  value: PackageValue;
  onChange: (value: PackageValue) => void;
  /** How many families get the package: the budget check is for all of them. */
  families: number;
  /** Budget still free for this package (a correction frees the corrected award's amount first). */
  remaining: number;
}

/** Catalogue items x quantity and/or cash, with the live total against the per-family range and the budget. */
export function PackageEditor({ program, value, onChange, families, remaining }: Props) {
  const items = useApi('awards.items', {}).data ?? [];
  const active = items.filter((i) => i.active);
  const byId = new Map(items.map((i) => [i.id, i]));
  const total = packageTotal(value, items);
  const goods = program.form !== 'uang';
  const cash = program.form !== 'barang';
  const setLine = (index: number, line: PackageValue['lines'][number]) =>
    onChange({ ...value, lines: value.lines.map((l, i) => (i === index ? line : l)) });
  const free = active.filter((i) => !value.lines.some((l) => l.itemId === i.id));
  return (
    <Stack gap="xs">
      {goods && (
        <Table aria-label="Isi paket" withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Barang</Table.Th>
              <Table.Th w={110}>Jumlah</Table.Th>
              <Table.Th ta="right">Harga satuan</Table.Th>
              <Table.Th ta="right">Jumlah harga</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.lines.map((line, index) => {
              const item = byId.get(line.itemId);
              return (
                <Table.Tr key={line.itemId}>
                  <Table.Td>
                    {item?.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({item?.unit})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Jumlah ${item?.name}`}
                      size="xs"
                      min={1}
                      max={10_000}
                      allowDecimal={false}
                      allowNegative={false}
                      value={line.quantity}
                      onChange={(q) => setLine(index, { ...line, quantity: Number(q) || 1 })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{formatRupiah(item?.unitPrice ?? 0)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah((item?.unitPrice ?? 0) * line.quantity)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Hapus ${item?.name}`}
                      onClick={() => onChange({ ...value, lines: value.lines.filter((_, i) => i !== index) })}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Select
                  aria-label="Tambah barang ke paket"
                  placeholder={free.length ? 'Tambah barang dari katalog…' : 'Semua barang aktif sudah di paket'}
                  size="xs"
                  searchable
                  value={null}
                  data={free.map((i) => ({
                    value: String(i.id),
                    label: `${i.name} (${formatRupiah(i.unitPrice)}/${i.unit})`,
                  }))}
                  onChange={(v) =>
                    v && onChange({ ...value, lines: [...value.lines, { itemId: Number(v), quantity: 1 }] })
                  }
                />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      {cash && (
        <MoneyInput
          label="Uang tunai per KPM"
          w={240}
          value={value.cash}
          onChange={(c) => onChange({ ...value, cash: c })}
        />
      )}
      <PackageCheck program={program} total={total} families={families} remaining={remaining} />
    </Stack>
  );
}

/** The total against the per-family range and the budget left, said before the server has to refuse it. */
function PackageCheck({ program, total, families, remaining }: Omit<Props, 'value' | 'onChange'> & { total: number }) {
  const all = total * Math.max(families, 1);
  const outOfRange = total > 0 && (total < program.minPerFamily || total > program.maxPerFamily);
  const overBudget = all > remaining;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">
          Nilai paket per KPM: <strong data-testid="package-total">{formatRupiah(total)}</strong> (rentang program{' '}
          {formatRupiah(program.minPerFamily)}–{formatRupiah(program.maxPerFamily)})
        </Text>
        <Text size="sm">
          {formatNumber(families)} KPM × {formatRupiah(total)} = <strong>{formatRupiah(all)}</strong>; sisa pagu{' '}
          {formatRupiah(remaining)}
        </Text>
      </Group>
      {outOfRange && (
        <Alert color="orange" p="xs">
          Nilai paket {formatRupiah(total)} di luar rentang per KPM program ini.
        </Alert>
      )}
      {overBudget && families > 0 && (
        <Alert color="orange" p="xs">
          Melebihi sisa pagu: {formatRupiah(all)} dibutuhkan, sisa {formatRupiah(remaining)}.
        </Alert>
      )}
    </Stack>
  );
}
