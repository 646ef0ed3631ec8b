import { Button } from '@mantine/core';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

/** "Cetak RTL desa": the year's plan of every group of the desa, one table, previewed before printing. */
export function PlanPrintButton({
  villageCode,
  villageName,
  year,
}: {
  villageCode: string;
  villageName: string;
  year: number;
}) {
  const print = useApiMutation('p2k2.plan.pdf');
  const [file, setFile] = useState<OutputOf<'p2k2.plan.pdf'> | null>(null);
  return (
    <>
      <Button
        variant="default"
        loading={print.isPending}
        onClick={() =>
          print.mutate(
            { villageCode, year },
            { onSuccess: setFile, onError: (e) => notifyError(e, 'RTL tidak dapat dicetak') },
          )
        }
      >
        Cetak RTL desa
      </Button>
      <PdfModal file={file} title={`RTL P2K2 ${year}, ${villageName}`} onClose={() => setFile(null)} />
    </>
  );
}
