import { Alert, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatRupiah } from '../../../main/domain/format';
import {
  DEFAULT_YEARLY_BENEFIT,
  KOMPONEN,
  KOMPONEN_LABEL,
  type Komponen,
  TAHAP_PER_YEAR,
} from '../../../main/domain/komponen';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

type Values = Record<Komponen, number | string>;

export function BenefitAmountsSettings() {
  const amounts = useApi('settings.benefitAmounts', {});
  return (
    <Loaded query={amounts} label="Memuat besaran bantuan">
      {(data) => <BenefitAmountsForm amounts={data} />}
    </Loaded>
  );
}

/** Yearly benefit per komponen; the per-tahap column follows as a quarter of it. */
function BenefitAmountsForm({ amounts }: { amounts: Record<Komponen, number> }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('settings.updateBenefitAmounts');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: amounts,
    validate: Object.fromEntries(
      KOMPONEN.map((k) => [k, (v: number | string) => (v === '' || Number(v) < 0 ? 'Isi nominal rupiah.' : null)]),
    ) as Record<Komponen, (v: number | string) => string | null>,
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await save.mutateAsync({
        amounts: Object.fromEntries(KOMPONEN.map((k) => [k, Math.round(Number(values[k]))])) as Record<
          Komponen,
          number
        >,
      });
      queryClient.setQueryData(apiKey('settings.benefitAmounts', {}), saved);
      await queryClient.invalidateQueries({ queryKey: ['kpm.get'] });
      form.resetDirty(saved);
      notifySuccess('Besaran bantuan disimpan.');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Table layout="fixed" withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Komponen</Table.Th>
            <Table.Th w={220}>Per tahun</Table.Th>
            <Table.Th w={210} ta="right">
              Per tahap ({TAHAP_PER_YEAR}× setahun)
            </Table.Th>
            <Table.Th w={170} ta="right">
              Bawaan
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {KOMPONEN.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{KOMPONEN_LABEL[k]}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Bantuan per tahun ${KOMPONEN_LABEL[k]}`}
                  prefix="Rp"
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  max={100_000_000}
                  {...form.getInputProps(k)}
                />
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="sm">
                {formatRupiah(Math.round(Number(form.values[k] || 0) / TAHAP_PER_YEAR))}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fz="sm" c="dimmed">
                {formatRupiah(DEFAULT_YEARLY_BENEFIT[k])}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        Paling banyak 4 komponen dihitung per keluarga. Perubahan berlaku untuk perhitungan bantuan semua KPM.
      </Text>
      {failure && (
        <Alert color="red" mt="md">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
          Simpan besaran bantuan
        </Button>
      </Group>
    </form>
  );
}
