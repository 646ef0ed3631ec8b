import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { todayIso } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  id: number;
  nama: string;
  opened: boolean;
  onClose: () => void;
}

/** Ends a family's membership (status keluar) with a reason and date; the record itself is kept. */
export function DeactivateModal({ id, nama, opened, onClose }: Props) {
  const queryClient = useQueryClient();
  const deactivate = useApiMutation('kpm.deactivate');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '', date: todayIso() },
    validate: {
      reason: (v) => (v.trim().length >= 3 ? null : 'Tuliskan alasan keluar.'),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Isi tanggal keluar.'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await deactivate.mutateAsync({ id, ...values });
      await queryClient.invalidateQueries({ queryKey: ['kpm.get'] });
      await queryClient.invalidateQueries({ queryKey: ['kpm.search'] });
      await queryClient.invalidateQueries({ queryKey: ['pendamping.list'] });
      notifySuccess(`KPM ${nama} dinonaktifkan.`);
      form.reset();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={`Nonaktifkan KPM ${nama}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Status keluarga menjadi <b>Keluar</b>. Datanya tetap tersimpan dan tercatat di riwayat. Untuk graduasi, ubah
            status melalui tombol Ubah.
          </Text>
          <TextInput label="Alasan keluar" withAsterisk data-autofocus {...form.getInputProps('reason')} />
          <DateField label="Tanggal keluar" withAsterisk clearable={false} {...form.getInputProps('date')} />
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="red" loading={deactivate.isPending}>
              Nonaktifkan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
