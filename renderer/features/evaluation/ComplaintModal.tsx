import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { ComplaintRow } from '../../../main/api/evaluation.contract';
import { complaintSaveSchema } from '../../../main/domain/evaluation';
import { todayIso } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { notifyError, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';

interface Values {
  date: string;
  category: string;
  issue: string;
  handledBy: string;
  resolvedDate: string;
  resolution: string;
}

/** Records a family's complaint, or updates one (its handling and resolution). */
export function ComplaintModal({
  kpmId,
  kpmName,
  complaint,
  onClose,
}: {
  kpmId: number;
  kpmName: string;
  complaint?: ComplaintRow;
  onClose: () => void;
}) {
  const settings = useApi('evaluation.settings', {});
  const save = useApiMutation('complaints.save');
  const queryClient = useQueryClient();
  const prepare = (v: Values) => ({
    ...v,
    id: complaint?.id,
    kpmId,
    resolvedDate: v.resolvedDate === '' ? null : v.resolvedDate,
  });
  const form = useForm<Values>({
    initialValues: {
      date: complaint?.date ?? todayIso(),
      category: complaint?.category ?? '',
      issue: complaint?.issue ?? '',
      handledBy: complaint?.handledBy ?? '',
      resolvedDate: complaint?.resolvedDate ?? '',
      resolution: complaint?.resolution ?? '',
    },
    validate: zodValidate(complaintSaveSchema, prepare),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(prepare(values));
      await queryClient.invalidateQueries({ queryKey: ['complaints.list'] });
      notifySuccess(complaint ? 'Pengaduan diperbarui.' : 'Pengaduan dicatat.');
      onClose();
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      notifyError(error, 'Pengaduan tidak tersimpan');
    }
  });
  return (
    <Modal opened onClose={onClose} title={`${complaint ? 'Ubah' : 'Catat'} pengaduan: ${kpmName}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Group grow align="flex-start">
            <DateField label="Tanggal pengaduan" withAsterisk clearable={false} {...form.getInputProps('date')} />
            <Select
              label="Kategori"
              withAsterisk
              data={settings.data?.complaintCategories ?? []}
              {...form.getInputProps('category')}
            />
          </Group>
          <Textarea label="Isi pengaduan" withAsterisk autosize minRows={3} {...form.getInputProps('issue')} />
          <TextInput label="Ditangani oleh" {...form.getInputProps('handledBy')} />
          <DateField label="Tanggal selesai" {...form.getInputProps('resolvedDate')} />
          <Textarea label="Penyelesaian" autosize minRows={2} {...form.getInputProps('resolution')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={save.isPending}>
              Simpan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
