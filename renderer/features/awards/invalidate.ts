import type { QueryClient } from '@tanstack/react-query';

/** Every awards view whose figures a stage change moves (lists, budgets, reports, the family card). */
const AWARD_QUERIES = [
  'awards.list',
  'awards.eligible',
  'awards.program',
  'awards.programs',
  'awards.forFamily',
  'awards.report',
  'awards.budgetUse',
  'documents.register',
];

export async function refreshAwards(queryClient: QueryClient) {
  await Promise.all(AWARD_QUERIES.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}
