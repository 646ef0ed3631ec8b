import { useState } from 'react';
import type { useKpmListParams } from './use-kpm-list-params';

type KpmListFilters = ReturnType<typeof useKpmListParams>['filters'];

/** The families chosen in the list, for the criteria they were chosen under. */
export function useKpmSelection(filters: KpmListFilters) {
  // A new search or filter starts a new selection: families chosen under another filter would be moved unseen.
  // The selection remembers the criteria it was made under; paging keeps it.
  const { page: _page, ...criteria } = filters;
  const criteriaKey = JSON.stringify(criteria);
  const [selection, setSelection] = useState({ criteriaKey, ids: new Set<number>() });
  const selected = selection.criteriaKey === criteriaKey ? selection.ids : new Set<number>();
  const setSelected = (ids: Set<number>) => setSelection({ criteriaKey, ids });

  const select = (ids: number[], checked: boolean) => {
    const next = new Set(selected);
    for (const id of ids) checked ? next.add(id) : next.delete(id);
    setSelected(next);
  };

  return { selected, setSelected, select };
}
