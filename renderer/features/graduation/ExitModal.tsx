import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { todayIso } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  id: number;
  nama: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * A family leaves the programme other than by graduation: the exit type, a reason and a date. Graduation
 * types are not offered: they are set by a decision on a proposal.
 */
export function ExitModal({ id, nama, opened, onClose }: Props) {
  const queryClient = useQueryClient();
  const exit = useApiMutation('graduation.exit');
  const types = useApi('graduation.exitTypes', {});
  const options = (types.data ?? [])
    .filter((t) => t.active && t.kind === 'lainnya')
    .map((t) => ({ value: String(t.id), label: t.name }));
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { exitTypeId: null as string | null, reason: '', date: todayIso() },
    validate: {
      exitTypeId: (v) => (v ? null : 'Pilih jenis keluar.'),
      reason: (v) => (v.trim().length >= 3 ? null : 'Tuliskan alasan keluar.'),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Isi tanggal keluar.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await exit.mutateAsync({ id, exitTypeId: Number(values.exitTypeId), reason: values.reason, date: values.date });
      for (const key of ['kpm.get', 'kpm.search', 'pendamping.list', 'graduation.timeline']) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
      notifySuccess(`KPM ${nama} dicatat keluar.`);
      form.reset();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={`Catat KPM ${nama} keluar`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Status keluarga menjadi <b>Keluar</b>. Datanya tetap tersimpan dan tercatat di riwayat. Graduasi tidak
            dicatat di sini: graduasi ditetapkan melalui usulan dan penetapan.
          </Text>
          <Select
            label="Jenis keluar"
            withAsterisk
            searchable
            data={options}
            data-autofocus
            {...form.getInputProps('exitTypeId')}
          />
          <TextInput label="Alasan keluar" withAsterisk {...form.getInputProps('reason')} />
          <DateField label="Tanggal keluar" withAsterisk clearable={false} {...form.getInputProps('date')} />
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="red" loading={exit.isPending}>
              Catat keluar
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
