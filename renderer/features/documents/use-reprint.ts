import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

/**
 * Prints an issued document (or the whole wisuda batch it was issued with) again from the stored snapshots;
 * `file` is what PdfModal shows.
 */
export function useReprint() {
  const queryClient = useQueryClient();
  const print = useApiMutation('documents.print');
  const printBatch = useApiMutation('documents.printBatch');
  const [file, setFile] = useState<PdfFile | null>(null);
  const run = async (make: () => Promise<PdfFile>) => {
    try {
      setFile(await make());
      // The register counts prints.
      await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
      await queryClient.invalidateQueries({ queryKey: ['documents.forFamily'] });
    } catch (error) {
      notifyError(error, 'Dokumen tidak dapat dicetak ulang');
    }
  };
  return {
    reprint: (id: number) => run(() => print.mutateAsync({ id })),
    reprintBatch: (batchId: number) => run(() => printBatch.mutateAsync({ id: batchId })),
    printingId: print.isPending ? print.variables?.id : undefined,
    printingBatchId: printBatch.isPending ? printBatch.variables?.id : undefined,
    file,
    close: () => setFile(null),
  };
}
