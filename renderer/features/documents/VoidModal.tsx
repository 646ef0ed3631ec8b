import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PagePublished, RegisterRow } from '../../../main/api/documents.contract';
import { DOCUMENT_KIND_LABEL, voidSchema } from '../../../main/domain/documents';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

interface Props {
  document: RegisterRow;
  /** Closed without voiding. */
  onClose: () => void;
  onVoided: () => void;
}

/**
 * What happened to the office website's verification page, which lists the voided numbers as of when it was
 * made: written again to its folder, or to be downloaded and uploaded again by the administrator.
 */
function pageNotice(page: PagePublished | null): string {
  if (page === null) {
    return (
      'Bila kantor memasang halaman verifikasi di lamannya, unduh lagi halaman itu (Verifikasi dokumen) dan ' +
      'unggah ke laman kantor agar pembatalan ini terlihat di sana.'
    );
  }
  return page.problem ? '' : `Halaman verifikasi ditulis ulang ke ${page.file}.`;
}

/** Voids an issued document with a reason; it stays in the register and its number is never given again. */
export function VoidModal({ document, onClose, onVoided }: Props) {
  const queryClient = useQueryClient();
  const mutation = useApiMutation('documents.void');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setFailure(null);
    const checked = voidSchema.shape.reason.safeParse(reason);
    setFieldError(checked.success ? null : (checked.error.issues[0]?.message ?? null));
    if (!checked.success) return;
    try {
      const { verificationPage } = await mutation.mutateAsync({ id: document.id, reason });
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
      await queryClient.invalidateQueries({ queryKey: ['documents.forFamily'] });
      notifySuccess(`Dokumen nomor ${document.number} dibatalkan. ${pageNotice(verificationPage)}`);
      if (verificationPage?.problem) {
        // Stays until read: the website still shows the letter as in force.
        notifications.show({
          color: 'orange',
          title: 'Halaman verifikasi tidak diperbarui',
          message: verificationPage.problem,
          autoClose: false,
        });
      }
      onVoided();
    } catch (error) {
      if (error instanceof ApiError && error.fields.reason) setFieldError(error.fields.reason);
      else setFailure(errorMessage(error));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Batalkan dokumen nomor ${document.number}`} size="lg">
      <Stack>
        <Text size="sm">
          {DOCUMENT_KIND_LABEL[document.kind]} untuk {document.subject} ditandai batal dan tetap tercatat di agenda
          surat. Nomor {document.number} tetap terpakai dan tidak akan diberikan lagi.
        </Text>
        <Textarea
          label="Alasan pembatalan"
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          error={fieldError}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Tutup
          </Button>
          <Button color="red" onClick={submit} loading={mutation.isPending}>
            Batalkan dokumen
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
