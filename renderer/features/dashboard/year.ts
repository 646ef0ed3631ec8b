import { useSearchParams } from 'react-router';

/** The programme year a page shows, kept in the URL (?tahun=2026) so links and "back" keep it. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= 2007 && asked <= thisYear + 1 ? asked : thisYear;
  const setYear = (next: number) => {
    const search = new URLSearchParams(params);
    if (next === thisYear) search.delete('tahun');
    else search.set('tahun', String(next));
    setParams(search, { replace: true });
  };
  return [year, setYear];
}

/** The years offered: next year (targets are set ahead) back to six years ago. */
export function yearOptions(): { value: string; label: string }[] {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i)).map((y) => ({ value: y, label: y }));
}
