import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { todayIso } from '../../../main/domain/format';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { FailureAlert } from './FailureAlert';

/**
 * "Cetak daftar penerima": a numbered list with a signature column for a handover day: the families handed over
 * that day, or before the ceremony the approved ones still waiting for it.
 */
export function RecipientsListButton({ programId }: { programId: number }) {
  const queryClient = useQueryClient();
  const print = useApiMutation('awards.recipientsList');
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayIso());
  const [failure, setFailure] = useState<unknown>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const submit = async () => {
    setFailure(null);
    try {
      setPdf(await print.mutateAsync({ programId, handoverDate: date || undefined }));
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
      setOpen(false);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Cetak daftar penerima
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Cetak daftar penerima">
        <Stack>
          <Text size="sm">
            Daftar bernomor dengan kolom tanda tangan: KPM yang diserahkan pada tanggal ini, atau bila belum ada, KPM
            yang sudah disetujui dan menunggu serah terima.
          </Text>
          <DateField label="Tanggal serah terima" withAsterisk clearable={false} value={date} onChange={setDate} />
          <FailureAlert error={failure} />
          <Group justify="flex-end">
            <Button onClick={submit} loading={print.isPending}>
              Cetak
            </Button>
          </Group>
        </Stack>
      </Modal>
      <PdfModal file={pdf} title="Daftar penerima" onClose={() => setPdf(null)} />
    </>
  );
}
