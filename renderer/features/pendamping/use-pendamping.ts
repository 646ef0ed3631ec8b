import { PENDAMPING_DUTIES } from '../../../main/domain/duties';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';

/** The office's pendamping; not asked for by a role that may not see them (a pendamping account sees only itself). */
export function usePendampingList() {
  const { can } = useSession();
  return useApi('pendamping.list', {}, { enabled: can(PENDAMPING_DUTIES.view) });
}

/** Options for choosing a pendamping; only active ones can take families. */
export function usePendampingOptions({ activeOnly }: { activeOnly: boolean }) {
  const { data } = usePendampingList();
  return (data ?? [])
    .filter((p) => !activeOnly || p.active)
    .map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (tidak aktif)` }));
}
