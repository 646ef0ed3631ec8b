/**
 * One paging shape for every list that grows with use (families, import problems and duplicates, import
 * batches): the renderer asks for a page, main answers with the page's items and the total.
 */
import { z } from 'zod';

export interface Page<T> {
  items: T[];
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The paging part of a list method's input; lists extend it with their filters. */
export const pagingSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PagingInput = z.infer<typeof pagingSchema>;

/** The rows of one page, for services that page a list held in memory or read with LIMIT/OFFSET. */
export function pageWindow(input: PagingInput): { offset: number; limit: number } {
  return { offset: (input.page - 1) * input.pageSize, limit: input.pageSize };
}
