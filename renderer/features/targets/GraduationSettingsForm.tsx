import { Button, Group, NumberInput, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { OutputOf } from '../../../main/api/contract';
import { graduationSettingsSchema } from '../../../main/domain/progress';
import { ApiError } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifyError, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

interface Values {
  visitMonths: string;
  defaultTargetKpm: number | string;
  officeTargetPercent: number | string;
}

const toInput = (v: Values) => ({
  visitMonths: v.visitMonths,
  defaultTargetKpm: v.defaultTargetKpm === '' ? undefined : Number(v.defaultTargetKpm),
  officeTargetPercent: v.officeTargetPercent === '' ? undefined : Number(v.officeTargetPercent),
});

/** The default targets and the follow-up visit intervals (administrator). */
export function GraduationSettingsForm() {
  const query = useApi('progress.settings', {});
  return (
    <Paper withBorder radius="sm" p="md">
      <Title order={3} size="h5" mb="sm">
        Pengaturan graduasi
      </Title>
      <Loaded query={query} label="Memuat pengaturan graduasi">
        {(settings) => <SettingsFields settings={settings} />}
      </Loaded>
    </Paper>
  );
}

function SettingsFields({ settings }: { settings: OutputOf<'progress.settings'> }) {
  const queryClient = useQueryClient();
  const save = useApiMutation('progress.updateSettings');
  const form = useForm<Values>({
    initialValues: {
      visitMonths: settings.visitMonths.join(', '),
      defaultTargetKpm: settings.defaultTargetKpm,
      officeTargetPercent: settings.officeTargetPercent,
    },
    validate: zodValidate(graduationSettingsSchema, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(toInput(values) as Parameters<typeof save.mutateAsync>[0]);
      form.setValues({ ...values, visitMonths: saved.visitMonths.join(', ') });
      await Promise.all(
        ['progress.settings', 'progress.targets', 'progress.dashboard'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      notifySuccess('Pengaturan graduasi disimpan.');
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      notifyError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <SimpleGrid cols={3}>
        <TextInput
          label="Kunjungan pemantauan (bulan setelah SK)"
          description='Contoh "3, 6, 12"; 1 sampai 60, urut naik'
          {...form.getInputProps('visitMonths')}
        />
        <NumberInput
          label="Target bawaan per pendamping (KPM)"
          description="Berlaku bila pendamping tidak diberi target"
          allowDecimal={false}
          min={0}
          {...form.getInputProps('defaultTargetKpm')}
        />
        <NumberInput
          label="Target bawaan kantor (%)"
          description="Persen dari KPM aktif dan yang lulus tahun itu"
          allowDecimal={false}
          min={1}
          max={100}
          {...form.getInputProps('officeTargetPercent')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={save.isPending}>
          Simpan pengaturan
        </Button>
      </Group>
    </form>
  );
}
