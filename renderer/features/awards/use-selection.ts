import { useState } from 'react';

/**
 * Rows chosen across the pages of a paged list, kept with their data (the actions need more than the id): toggling
 * one row, every row of the page shown, and clearing after the action.
 */
export function useSelection<T>(keyOf: (row: T) => number) {
  const [selected, setSelected] = useState<Map<number, T>>(new Map());
  const toggle = (row: T) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(keyOf(row))) next.delete(keyOf(row));
      else next.set(keyOf(row), row);
      return next;
    });
  const allOf = (rows: T[]) => rows.length > 0 && rows.every((r) => selected.has(keyOf(r)));
  const togglePage = (rows: T[]) =>
    setSelected((current) => {
      const next = new Map(current);
      const all = rows.every((r) => next.has(keyOf(r)));
      for (const r of rows) {
        if (all) next.delete(keyOf(r));
        else next.set(keyOf(r), r);
      }
      return next;
    });
  return {
    rows: [...selected.values()],
    has: (row: T) => selected.has(keyOf(row)),
    toggle,
    allOf,
    togglePage,
    clear: () => setSelected(new Map()),
  };
}
