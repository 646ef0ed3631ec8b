import { Select } from '@mantine/core';
import { BULAN, todayIso } from '../../../main/domain/format';

/** 'YYYY-MM' of today in the office's time. */
export const thisMonth = () => todayIso().slice(0, 7);

export const monthText = (month: string) => `${BULAN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The 24 months up to this one, newest first. */
function recentMonths(): string[] {
  const [y, m] = thisMonth().split('-').map(Number);
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(y, m - 1 - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

export function MonthSelect({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const months = recentMonths();
  const data = (months.includes(value) ? months : [value, ...months]).map((m) => ({ value: m, label: monthText(m) }));
  return (
    <Select label="Bulan" w={200} data={data} value={value} allowDeselect={false} onChange={(v) => v && onChange(v)} />
  );
}
