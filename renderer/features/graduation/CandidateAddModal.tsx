import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MANDIRI_REASON_LABEL, MANDIRI_REASONS, type MandiriReason } from '../../../main/domain/graduation';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  kpmId: number;
  nama: string;
  pendampingName: string | null;
  opened: boolean;
  onClose: () => void;
}

/** The operator proposes a family for graduasi sejahtera mandiri on behalf of its pendamping. */
export function CandidateAddModal({ kpmId, nama, pendampingName, opened, onClose }: Props) {
  const queryClient = useQueryClient();
  const add = useApiMutation('graduation.candidateAdd');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reasons: [] as string[], notes: '' },
    validate: { reasons: (v) => (v.length > 0 ? null : 'Pilih minimal satu alasan.') },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await add.mutateAsync({ kpmId, reasons: values.reasons as MandiriReason[], notes: values.notes });
      for (const key of ['kpm.get', 'kpm.search', 'graduation.timeline', 'graduation.candidates']) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
      notifySuccess(`KPM ${nama} ditambahkan sebagai calon graduasi.`);
      form.reset();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Usulkan ${nama} sebagai calon graduasi mandiri`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Diusulkan atas nama pendamping: <b>{pendampingName ?? 'belum ada pendamping'}</b>.
          </Text>
          <MultiSelect
            label="Alasan"
            withAsterisk
            placeholder={form.values.reasons.length ? '' : 'Pilih satu atau lebih alasan'}
            data={MANDIRI_REASONS.map((value) => ({ value, label: MANDIRI_REASON_LABEL[value] }))}
            searchable
            {...form.getInputProps('reasons')}
          />
          <Textarea label="Catatan" autosize minRows={2} {...form.getInputProps('notes')} />
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={add.isPending}>
              Tambahkan calon
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
