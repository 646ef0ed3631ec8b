import { Alert, Button, Checkbox, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { BUSINESS_TYPE_LABEL, BUSINESS_TYPES } from '../../../main/domain/business';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { INCOME_BAND_LABEL, INCOME_BANDS } from '../../../main/domain/graduation';
import { VISIT_FIELDS, visitRecordSchema } from '../../../main/domain/progress';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { MoneyInput } from '../shared/MoneyInput';

type VisitRow = OutputOf<'visits.list'>['items'][number];

interface Values {
  visitedDate: string;
  visitorName: string;
  businessRunning: string;
  incomeBand: string | null;
  slippedBack: string;
  notes: string;
  /** The optional business section: saved with the visit as the family's business and a dated entry. */
  withBusiness: boolean;
  businessType: string | null;
  businessStart: string;
  turnover: number | null;
  income: number | null;
}

const yesNo = (v: string) => (v === 'ya' ? true : v === 'tidak' ? false : undefined);

/** The form's values as the contract's input; the business only when its section is ticked. */
const visitInput = (id: number, v: Values) => ({
  id,
  visitedDate: v.visitedDate,
  visitorName: v.visitorName,
  businessRunning: yesNo(v.businessRunning),
  incomeBand: v.incomeBand ?? undefined,
  slippedBack: yesNo(v.slippedBack),
  notes: v.notes,
  business: v.withBusiness
    ? {
        type: v.businessType ?? undefined,
        startDate: v.businessStart,
        turnover: v.turnover ?? undefined,
        income: v.income ?? undefined,
      }
    : undefined,
});

export function VisitRecordModal({ visit, onClose }: { visit: VisitRow | null; onClose: () => void }) {
  return (
    <Modal opened={visit !== null} onClose={onClose} title="Catat kunjungan pemantauan" size="lg">
      {visit && <VisitForm visit={visit} onDone={onClose} />}
    </Modal>
  );
}

function VisitForm({ visit, onDone }: { visit: VisitRow; onDone: () => void }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('visits.record');
  const [failure, setFailure] = useState<string | null>(null);
  const toInput = (v: Values) => visitInput(visit.id, v);
  const form = useForm<Values>({
    initialValues: {
      visitedDate: todayIso(),
      visitorName: visit.pendamping ?? '',
      businessRunning: '',
      incomeBand: null,
      slippedBack: '',
      notes: '',
      withBusiness: false,
      businessType: null,
      businessStart: '',
      turnover: null,
      income: null,
    },
    validate: zodValidate(visitRecordSchema, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(toInput(values) as Parameters<typeof save.mutateAsync>[0]);
      await Promise.all(
        ['visits.list', 'visits.counts', 'business.family', 'business.report'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      notifySuccess(`Kunjungan untuk ${visit.nama} dicatat.`);
      onDone();
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {visit.nama} — kunjungan bulan ke-{visit.monthsAfter}, jatuh tempo {formatTanggal(visit.dueDate)} (SK{' '}
          {visit.skNumber})
        </Text>
        <Group grow>
          <DateField
            label={VISIT_FIELDS.visitedDate.label}
            withAsterisk
            clearable={false}
            {...form.getInputProps('visitedDate')}
          />
          <TextInput label={VISIT_FIELDS.visitorName.label} withAsterisk {...form.getInputProps('visitorName')} />
        </Group>
        <Radio.Group label="Usaha masih berjalan?" withAsterisk {...form.getInputProps('businessRunning')}>
          <Group mt={4}>
            <Radio value="ya" label="Ya" />
            <Radio value="tidak" label="Tidak" />
          </Group>
        </Radio.Group>
        <Select
          label="Penghasilan"
          withAsterisk
          data={INCOME_BANDS.map((b) => ({ value: b, label: INCOME_BAND_LABEL[b] }))}
          {...form.getInputProps('incomeBand')}
        />
        <Radio.Group label="Keluarga kembali rentan (miskin lagi)?" withAsterisk {...form.getInputProps('slippedBack')}>
          <Group mt={4}>
            <Radio value="ya" label="Ya" />
            <Radio value="tidak" label="Tidak" />
          </Group>
        </Radio.Group>
        <Textarea label={VISIT_FIELDS.notes.label} autosize minRows={2} {...form.getInputProps('notes')} />
        <Checkbox
          label="Catat usaha keluarga (omzet dan pendapatan per bulan)"
          {...form.getInputProps('withBusiness', { type: 'checkbox' })}
        />
        {form.values.withBusiness && <BusinessSection form={form} />}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={save.isPending}>
            Simpan kunjungan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The business as seen on the visit; its entry is dated the visit's date and takes "usaha masih berjalan". */
interface SectionForm {
  getInputProps: (path: keyof Values) => object;
  errors: Record<string, ReactNode>;
}

function BusinessSection({ form }: { form: SectionForm }) {
  return (
    <Stack gap="xs">
      <Group grow>
        <Select
          label="Jenis usaha"
          withAsterisk
          data={BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_LABEL[t] }))}
          {...form.getInputProps('businessType')}
          error={form.errors['business.type'] ?? form.errors.businessType}
        />
        <DateField
          label="Mulai usaha"
          withAsterisk
          {...form.getInputProps('businessStart')}
          error={form.errors['business.startDate'] ?? form.errors.businessStart}
        />
      </Group>
      <Group grow>
        <MoneyInput
          label="Omzet per bulan"
          withAsterisk
          {...form.getInputProps('turnover')}
          error={form.errors['business.turnover'] ?? form.errors.turnover}
        />
        <MoneyInput
          label="Pendapatan per bulan"
          withAsterisk
          {...form.getInputProps('income')}
          error={form.errors['business.income'] ?? form.errors.income}
        />
      </Group>
    </Stack>
  );
}
