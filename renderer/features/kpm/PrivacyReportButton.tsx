import { Button } from '@mantine/core';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';

/**
 * "Laporan data pribadi": everything stored about the family, for a family that asks (UU PDP). Shown to the
 * roles that see NIKs in full (the report prints them); the server checks the role again and logs the print.
 * A failure shows as the app's usual error notification (the mutation cache).
 */
export function PrivacyReportButton({ kpmId }: { kpmId: number }) {
  const print = useApiMutation('kpm.privacyReport');
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  return (
    <>
      <Button
        variant="default"
        loading={print.isPending}
        onClick={() => print.mutate({ id: kpmId }, { onSuccess: setPdf })}
      >
        Laporan data pribadi
      </Button>
      <PdfModal file={pdf} title="Laporan data pribadi keluarga" onClose={() => setPdf(null)} />
    </>
  );
}
