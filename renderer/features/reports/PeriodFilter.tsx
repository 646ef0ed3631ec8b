import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { BULAN } from '../../../main/domain/format';
import type { Period } from '../../../main/domain/reports';
import { useYear, yearOptions } from '../dashboard/year';

const MONTHS = BULAN.map((label, i) => ({ value: String(i + 1), label }));

/** The report's period: the year in the URL (as Beranda keeps it), the months on the page. */
export function usePeriod(): [Period, (period: Period) => void] {
  const [year, setYear] = useYear();
  const [months, setMonths] = useState({ fromMonth: 1, toMonth: 12 });
  return [
    { year, ...months },
    (next) => {
      if (next.year !== year) setYear(next.year);
      setMonths({ fromMonth: next.fromMonth, toMonth: next.toMonth });
    },
  ];
}

/** Year, then from and to month; moving one month past the other moves both, so the period stays in order. */
export function PeriodFilter({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  return (
    <Group gap="xs" align="flex-end">
      <Select
        label="Tahun"
        w={100}
        allowDeselect={false}
        data={yearOptions()}
        value={String(period.year)}
        onChange={(v) => v && onChange({ ...period, year: Number(v) })}
      />
      <Select
        label="Dari bulan"
        w={140}
        allowDeselect={false}
        data={MONTHS}
        value={String(period.fromMonth)}
        onChange={(v) => {
          const from = Number(v);
          if (v) onChange({ ...period, fromMonth: from, toMonth: Math.max(from, period.toMonth) });
        }}
      />
      <Select
        label="Sampai bulan"
        w={140}
        allowDeselect={false}
        data={MONTHS}
        value={String(period.toMonth)}
        onChange={(v) => {
          const to = Number(v);
          if (v) onChange({ ...period, toMonth: to, fromMonth: Math.min(to, period.fromMonth) });
        }}
      />
    </Group>
  );
}
