import { Button } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { monthLabel } from '../../../main/domain/workplan';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

/** "Cetak rencana": the month's plan as A4 under the kop, previewed before printing. */
export function WorkPlanPrintButton({ pendampingId, month }: { pendampingId: number; month: string }) {
  const print = useApiMutation('workPlans.pdf');
  const [file, setFile] = useState<OutputOf<'workPlans.pdf'> | null>(null);
  return (
    <>
      <Button
        variant="default"
        loading={print.isPending}
        onClick={() =>
          print.mutate(
            { pendampingId, month },
            { onSuccess: setFile, onError: (e) => notifyError(e, 'Rencana kerja tidak dapat dicetak') },
          )
        }
      >
        Cetak rencana
      </Button>
      <PdfModal file={file} title={`Rencana kerja ${monthLabel(month)}`} onClose={() => setFile(null)} />
    </>
  );
}
