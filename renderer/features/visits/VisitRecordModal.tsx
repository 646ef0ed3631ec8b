import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { INCOME_BAND_LABEL, INCOME_BANDS } from '../../../main/domain/graduation';
import { VISIT_FIELDS, visitRecordSchema } from '../../../main/domain/progress';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';

type VisitRow = OutputOf<'visits.list'>['items'][number];

interface Values {
  visitedDate: string;
  visitorName: string;
  businessRunning: string;
  incomeBand: string | null;
  slippedBack: string;
  notes: string;
}

const yesNo = (v: string) => (v === 'ya' ? true : v === 'tidak' ? false : undefined);

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
  const toInput = (v: Values) => ({
    id: visit.id,
    visitedDate: v.visitedDate,
    visitorName: v.visitorName,
    businessRunning: yesNo(v.businessRunning),
    incomeBand: v.incomeBand ?? undefined,
    slippedBack: yesNo(v.slippedBack),
    notes: v.notes,
  });
  const form = useForm<Values>({
    initialValues: {
      visitedDate: todayIso(),
      visitorName: visit.pendamping ?? '',
      businessRunning: '',
      incomeBand: null,
      slippedBack: '',
      notes: '',
    },
    validate: zodValidate(visitRecordSchema, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(toInput(values) as Parameters<typeof save.mutateAsync>[0]);
      await Promise.all(
        ['visits.list', 'visits.counts'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
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
