import { useQueryClient } from '@tanstack/react-query';

/** After a change, every P2K2 list and record is read again (their keys all start with "p2k2."). */
export function useP2k2Refresh() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).startsWith('p2k2.'),
    });
}
