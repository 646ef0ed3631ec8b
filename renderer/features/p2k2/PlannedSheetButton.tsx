import { Button } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

interface Props {
  groupId: number;
  topicId: number;
  topicName: string;
  /** The saved planned day: the sheet is printed before the meeting is recorded. */
  day: string;
}

/** "Cetak daftar hadir" for a planned topic: the sheet to sign at the meeting, NIK masked. */
export function PlannedSheetButton({ groupId, topicId, topicName, day }: Props) {
  const print = useApiMutation('p2k2.sheet.print');
  const [file, setFile] = useState<OutputOf<'p2k2.sheet.print'> | null>(null);
  return (
    <>
      <Button
        variant="subtle"
        size="compact-xs"
        aria-label={`Cetak daftar hadir ${topicName}`}
        loading={print.isPending}
        onClick={() =>
          print.mutate(
            { groupId, topicId, day, nikMode: 'masked' },
            { onSuccess: setFile, onError: (e) => notifyError(e, 'Daftar hadir tidak dapat dicetak') },
          )
        }
      >
        Cetak daftar hadir
      </Button>
      <PdfModal file={file} title={`Daftar hadir P2K2 ${formatTanggal(day)}`} onClose={() => setFile(null)} />
    </>
  );
}
