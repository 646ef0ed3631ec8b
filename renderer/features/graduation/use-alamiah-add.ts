import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf } from '../../../main/api/contract';
import { formatNumber } from '../../../main/domain/format';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';

type ScanInput = Omit<InputOf<'graduation.alamiahAdd'>, 'kpmIds'>;

/** Adds scanned families as alamiah candidates; the lists that show them are refreshed, a refusal is kept. */
export function useAlamiahAdd(scanInput: ScanInput, onAdded: () => void) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const addCandidates = useApiMutation('graduation.alamiahAdd');
  const add = async (kpmIds: number[] | 'semua') => {
    setFailure(null);
    try {
      const { added } = await addCandidates.mutateAsync({ ...scanInput, kpmIds });
      for (const key of ['graduation.alamiahScan', 'graduation.candidates', 'kpm.search']) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
      notifySuccess(`${formatNumber(added)} keluarga ditambahkan sebagai calon graduasi alamiah.`);
      onAdded();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return { add, failure, addCandidates };
}
