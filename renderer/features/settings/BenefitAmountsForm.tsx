import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { yearlyBenefitProblem } from '../../../main/domain/benefit-amounts';
import { formatNumber, formatRupiah } from '../../../main/domain/format';
import {
  DEFAULT_YEARLY_BENEFIT,
  KOMPONEN,
  KOMPONEN_LABEL,
  type Komponen,
  TAHAP_PER_YEAR,
} from '../../../main/domain/komponen';
import { ApiError } from '../../api';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifySuccess, serverFieldErrors } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { MoneyInput } from '../shared/MoneyInput';

/** An emptied amount is null (MoneyInput): missing, never Rp0. */
type Values = Record<Komponen, number | null>;

export function BenefitAmountsSettings() {
  const amounts = useApi('settings.benefitAmounts', {});
  return (
    <Loaded query={amounts} label="Memuat besaran bantuan">
      {(data) => <BenefitAmountsForm amounts={data} />}
    </Loaded>
  );
}

type Amounts = Record<Komponen, number>;

const amountOf = (value: number | null) => value ?? Number.NaN;
/** The quarter of a yearly amount; a dash while the field is empty or not an amount. */
const perTahap = (value: number | null) =>
  value !== null && Number.isFinite(value) ? formatRupiah(Math.round(value / TAHAP_PER_YEAR)) : '–';
const toAmounts = (values: Values) => Object.fromEntries(KOMPONEN.map((k) => [k, amountOf(values[k])])) as Amounts;

/**
 * Yearly benefit per komponen; the per-tahap column follows as a quarter of it. Saving first asks the
 * server how many active families the change touches and lets the administrator confirm.
 */
function BenefitAmountsForm({ amounts }: { amounts: Amounts }) {
  const queryClient = useQueryClient();
  const impact = useApiMutation('settings.benefitChangeImpact');
  const save = useApiMutation('settings.updateBenefitAmounts');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<{ amounts: Amounts; impact: BenefitImpact } | null>(null);
  const form = useForm<Values>({
    initialValues: amounts,
    validate: Object.fromEntries(
      KOMPONEN.map((k) => [k, (v: number | null) => yearlyBenefitProblem(k, amountOf(v))]),
    ) as Record<Komponen, (v: number | null) => string | null>,
  });

  const showFailure = (error: unknown) => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      form.setErrors(serverFieldErrors(error, (field) => field.replace(/^amounts\./, '')));
    }
    setFailure(errorMessage(error));
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const input = toAmounts(values);
      setPending({ amounts: input, impact: await impact.mutateAsync({ amounts: input }) });
    } catch (error) {
      showFailure(error);
    }
  });

  const confirm = async () => {
    if (!pending) return;
    try {
      const saved = await save.mutateAsync({ amounts: pending.amounts });
      queryClient.setQueryData(apiKey('settings.benefitAmounts', {}), saved);
      await queryClient.invalidateQueries({ queryKey: ['kpm.get'] });
      form.resetDirty(saved);
      notifySuccess('Besaran bantuan disimpan.');
    } catch (error) {
      showFailure(error);
    } finally {
      setPending(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <AmountsTable form={form} />
      <Text size="xs" c="dimmed" mt="xs">
        Paling banyak 4 komponen dihitung per keluarga. Perubahan berlaku untuk perhitungan bantuan semua KPM.
      </Text>
      {failure && (
        <Alert color="red" mt="md">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={impact.isPending} disabled={!form.isDirty()}>
          Simpan besaran bantuan
        </Button>
      </Group>
      <ConfirmModal
        opened={pending !== null}
        title="Simpan besaran bantuan baru?"
        confirmLabel="Ya, simpan"
        color="blue"
        loading={save.isPending}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending && <ImpactText impact={pending.impact} />}
      </ConfirmModal>
    </form>
  );
}

/** Each komponen's yearly amount (editable), its per-tahap share and the default. */
function AmountsTable({ form }: { form: UseFormReturnType<Values> }) {
  return (
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
              <MoneyInput aria-label={`Bantuan per tahun ${KOMPONEN_LABEL[k]}`} {...form.getInputProps(k)} />
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fz="sm">
              {perTahap(form.values[k])}
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fz="sm" c="dimmed">
              {formatRupiah(DEFAULT_YEARLY_BENEFIT[k])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type BenefitImpact = OutputOf<'settings.benefitChangeImpact'>;

function ImpactText({ impact }: { impact: BenefitImpact }) {
  const changed = impact.changed.map((k) => KOMPONEN_LABEL[k]).join(', ');
  if (impact.changed.length === 0) return <>Tidak ada besaran yang berubah.</>;
  return (
    <>
      Besaran {impact.changed.length} komponen berubah ({changed}). Bantuan{' '}
      <strong>{formatNumber(impact.families)} KPM aktif</strong> akan dihitung dengan besaran baru.
    </>
  );
}
