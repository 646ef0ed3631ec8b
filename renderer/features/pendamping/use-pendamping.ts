import { useApi } from '../shared/api-hooks';

export function usePendampingList() {
  return useApi('pendamping.list', {});
}

/** Options for choosing a pendamping; only active ones can take families. */
export function usePendampingOptions({ activeOnly }: { activeOnly: boolean }) {
  const { data } = usePendampingList();
  return (data ?? [])
    .filter((p) => !activeOnly || p.active)
    .map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (tidak aktif)` }));
}
