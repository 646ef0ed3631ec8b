import { useQueryClient } from '@tanstack/react-query';

/** After any change of a plan: the plan, its figures and the office's list of the month read again. */
export function useRefreshWorkPlans() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['workPlans.get', 'workPlans.submissions', 'workPlans.achievement'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}
