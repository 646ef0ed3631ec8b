import { Badge, Tooltip } from '@mantine/core';
import type { RegisterRow } from '../../../main/api/documents.contract';
import { formatWaktu } from '../../../main/domain/format';

/** "Berlaku", or "Batal" with who voided it, when and why in a tooltip (and for screen readers). */
export function StatusBadge({ row }: { row: RegisterRow }) {
  if (!row.voidedAt) {
    return (
      <Badge color="teal" variant="light" tt="none" radius="sm" miw="max-content">
        Berlaku
      </Badge>
    );
  }
  return (
    <Tooltip
      multiline
      w={280}
      label={`Dibatalkan ${formatWaktu(row.voidedAt)} oleh ${row.voidedByName ?? '–'}: ${row.voidReason ?? ''}`}
    >
      <Badge
        color="red"
        variant="light"
        tt="none"
        radius="sm"
        miw="max-content"
        aria-label={`Batal: ${row.voidReason ?? ''}`}
      >
        Batal
      </Badge>
    </Tooltip>
  );
}
