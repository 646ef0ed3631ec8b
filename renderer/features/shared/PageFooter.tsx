import { Group, Pagination, Text } from '@mantine/core';
import { formatNumber } from '../../../main/domain/format';
import { paginationControlProps } from './pagination';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** What the list counts, after "dari 55": impor, masalah, ... */
  noun: string;
  onChange: (page: number) => void;
}

/** "51–55 dari 55 impor" and the page controls under a paged list; nothing when it fits on one page. */
export function PageFooter({ page, pageSize, total, noun, onChange }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {formatNumber((page - 1) * pageSize + 1)}–{formatNumber(Math.min(page * pageSize, total))} dari{' '}
        {formatNumber(total)} {noun}
      </Text>
      <Pagination total={pages} value={page} onChange={onChange} size="sm" getControlProps={paginationControlProps} />
    </Group>
  );
}
