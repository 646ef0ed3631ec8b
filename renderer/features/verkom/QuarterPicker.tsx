import { Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { currentQuarter, type QuarterInput } from '../../../main/domain/verkom';

const QUARTER_OPTIONS = [
  { value: '1', label: 'Triwulan I (Januari-Maret)' },
  { value: '2', label: 'Triwulan II (April-Juni)' },
  { value: '3', label: 'Triwulan III (Juli-September)' },
  { value: '4', label: 'Triwulan IV (Oktober-Desember)' },
];

/** The quarter on screen: the office's current one until the user picks another. */
export function useQuarter(): [QuarterInput, (q: QuarterInput) => void] {
  return useState<QuarterInput>(() => currentQuarter(new Date()));
}

export function QuarterPicker({ value, onChange }: { value: QuarterInput; onChange: (q: QuarterInput) => void }) {
  const thisYear = currentQuarter(new Date()).year;
  const years = Array.from({ length: 6 }, (_x, i) => String(thisYear - i));
  return (
    <Group align="flex-end" gap="xs">
      <NativeSelect
        label="Tahun"
        data={years}
        value={String(value.year)}
        onChange={(e) => onChange({ ...value, year: Number(e.currentTarget.value) })}
      />
      <NativeSelect
        label="Triwulan"
        data={QUARTER_OPTIONS}
        value={String(value.quarter)}
        onChange={(e) => onChange({ ...value, quarter: Number(e.currentTarget.value) })}
      />
    </Group>
  );
}
