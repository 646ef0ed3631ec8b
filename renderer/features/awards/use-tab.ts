import { useSearchParams } from 'react-router';

/** The open tab kept in the URL (?tab=katalog), so reloading or going back returns to it. */
export function useTab<T extends string>(tabs: readonly T[], fallback: T): [T, (tab: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as T | null;
  const tab = asked && tabs.includes(asked) ? asked : fallback;
  const setTab = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (!next || next === fallback) search.delete('tab');
    else search.set('tab', next);
    setParams(search, { replace: true });
  };
  return [tab, setTab];
}
