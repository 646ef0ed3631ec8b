import { Badge } from '@mantine/core';
import type { KpmStatus } from '../../../main/domain/enums';
import { STATUS_LABEL } from '../../../main/domain/enums';
import { KOMPONEN, KOMPONEN_LABEL, type Komponen, komponenBit } from '../../../main/domain/komponen';

const STATUS_COLOR: Record<KpmStatus, string> = {
  aktif: 'teal',
  graduasi_mandiri: 'blue',
  graduasi_alamiah: 'grape',
  keluar: 'gray',
};

/** `wrap` lets a long status ("Graduasi sejahtera mandiri") take two lines in a narrow column instead of being cut. */
export function StatusBadge({ status, wrap = false }: { status: KpmStatus; wrap?: boolean }) {
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      tt="none"
      radius="sm"
      styles={wrap ? { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } } : undefined}
    >
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export const statusOptions = Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }));
export const komponenOptions = KOMPONEN.map((k) => ({ value: k, label: KOMPONEN_LABEL[k] }));

export function komponenOfMask(mask: number): Komponen[] {
  return KOMPONEN.filter((k) => (mask & komponenBit(k)) !== 0);
}

export const SEX_LABEL = { L: 'Laki-laki', P: 'Perempuan' } as const;
export const sexOptions = [
  { value: 'P', label: 'Perempuan' },
  { value: 'L', label: 'Laki-laki' },
];
