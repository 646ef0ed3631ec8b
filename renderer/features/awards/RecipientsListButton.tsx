import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { FailureAlert } from './FailureAlert';

/** "Cetak daftar penerima": the recipients with a signature column, of one handover day or of all. */
export function RecipientsListButton({ programId }: { programId: number }) {
  const print = useApiMutation('awards.recipientsList');
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const submit = async () => {
    setFailure(null);
    try {
      setPdf(await print.mutateAsync({ programId, handoverDate: date || undefined }));
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
          <Text size="sm">Daftar penerima dengan kolom tanda tangan untuk hari serah terima.</Text>
          <DateField
            label="Tanggal serah terima"
            description="Kosongkan untuk semua penerima yang belum dibatalkan"
            value={date}
            onChange={setDate}
          />
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
