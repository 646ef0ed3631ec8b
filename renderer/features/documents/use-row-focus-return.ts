import { useEffect, useState } from 'react';
import type { RegisterRow } from '../../../main/api/documents.contract';

interface Target {
  id: number;
  number: string;
  voided: boolean;
}

const buttonNamed = (label: string) => document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(label)}"]`);

/**
 * Back from the void dialog to its row: its "Batalkan" button, or once the letter is void (that button is gone
 * and the focus would fall to the page's top) its "Cetak ulang". After a void the focus waits until the row is
 * drawn as void: the register's new rows reach the table in a later task than the dialog's closing (React Query
 * hands data over in a timeout), and focusing in between put the focus on the "Batalkan" button that was about
 * to disappear.
 */
export function useRowFocusReturn(rows: RegisterRow[]): (row: RegisterRow, voided: boolean) => void {
  const [target, setTarget] = useState<Target | null>(null);
  useEffect(() => {
    if (!target) return;
    const row = rows.find((r) => r.id === target.id);
    // Still the rows from before the void: the effect runs again when the new ones are drawn.
    if (target.voided && row && !row.voidedAt) return;
    setTarget(null);
    (buttonNamed(`Batalkan ${target.number}`) ?? buttonNamed(`Cetak ulang ${target.number}`))?.focus();
  }, [target, rows]);
  return (row, voided) => setTarget({ id: row.id, number: row.number, voided });
}
