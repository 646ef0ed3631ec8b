import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

/** Prints an issued document again from its stored snapshot; `file` is what PdfModal shows. */
export function useReprint() {
  const queryClient = useQueryClient();
  const print = useApiMutation('documents.print');
  const [file, setFile] = useState<PdfFile | null>(null);
  const reprint = async (id: number) => {
    try {
      setFile(await print.mutateAsync({ id }));
      // The register counts prints.
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
    } catch (error) {
      notifyError(error, 'Dokumen tidak dapat dicetak ulang');
    }
  };
  return { reprint, printingId: print.isPending ? print.variables?.id : undefined, file, close: () => setFile(null) };
}
