import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  candidateId: number;
  nama: string;
  onClose: () => void;
}

/** The signed surat pernyataan of a mandiri candidate: date, place and the two witnesses. */
export function StatementModal({ candidateId, nama, onClose }: Props) {
  const queryClient = useQueryClient();
  const current = useApi('statement.get', { candidateId });
  const suggestion = useApi('statement.suggest', { candidateId });
  const record = useApiMutation('statement.record');
  const [values, setValues] = useState({
    signedDate: todayIso(),
    witnessPendamping: '',
    witnessKepalaDesa: '',
    place: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // A recorded statement shows as recorded; a new one starts from what the registry knows about the family.
  useEffect(() => {
    if (current.data) setValues({ ...current.data });
    else if (current.isSuccess && suggestion.data) setValues((prev) => ({ ...prev, ...suggestion.data }));
  }, [current.data, current.isSuccess, suggestion.data]);
  const set = (key: keyof typeof values) => (value: string) => setValues((prev) => ({ ...prev, [key]: value }));

  const save = async () => {
    setFailure(null);
    setErrors({});
    try {
      await record.mutateAsync({ candidateId, ...values });
      await queryClient.invalidateQueries({ queryKey: ['statement.get'] });
      await queryClient.invalidateQueries({ queryKey: ['proposal.get'] });
      // The family's documents card offers the surat pernyataan once it is recorded.
      await queryClient.invalidateQueries({ queryKey: ['documents.forFamily'] });
      await queryClient.invalidateQueries({ queryKey: ['kpm.get'] });
      notifySuccess(`Surat pernyataan ${nama} tercatat.`);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) setErrors(error.fields);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Surat pernyataan: ${nama}`}>
      <Stack>
        {current.data && (
          <Text size="sm" c="dimmed">
            Tercatat {formatTanggal(current.data.signedDate)} oleh {current.data.recordedByName}; perubahan tercatat di
            riwayat.
          </Text>
        )}
        <DateField
          label="Tanggal ditandatangani"
          withAsterisk
          clearable={false}
          maxDate={new Date()}
          value={values.signedDate}
          onChange={set('signedDate')}
          error={errors.signedDate}
        />
        <TextInput
          label="Tempat"
          value={values.place}
          onChange={(e) => set('place')(e.currentTarget.value)}
          error={errors.place}
        />
        <TextInput
          label="Saksi: pendamping"
          withAsterisk
          value={values.witnessPendamping}
          onChange={(e) => set('witnessPendamping')(e.currentTarget.value)}
          error={errors.witnessPendamping}
        />
        <TextInput
          label="Saksi: kepala desa/lurah"
          withAsterisk
          value={values.witnessKepalaDesa}
          onChange={(e) => set('witnessKepalaDesa')(e.currentTarget.value)}
          error={errors.witnessKepalaDesa}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={save} loading={record.isPending}>
            Simpan surat pernyataan
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
