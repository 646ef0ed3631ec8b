import { type UseQueryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../main/api/contract';
import { call } from '../../api';

/** Query keys start with the method name, so invalidating ['kpm.search'] refreshes every list page. */
export function apiKey<M extends MethodName>(method: M, input?: InputOf<M>) {
  return input === undefined ? [method] : [method, input];
}

/** useQuery over one contract method. */
export function useApi<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<M>, Error>({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}

/** useMutation over one contract method; errors pass the global handler (expired session -> login). */
export function useApiMutation<M extends MethodName>(method: M) {
  return useMutation<OutputOf<M>, Error, InputOf<M>>({ mutationFn: (input) => call(method, input) });
}
