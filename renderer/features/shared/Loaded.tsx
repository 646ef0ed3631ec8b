import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from './errors';

interface Props<T> {
  query: { data: T | undefined; error: unknown };
  /** Read aloud while the data loads. */
  label: string;
  errorTitle?: string;
  /** More than data being present, e.g. data fetched again for a form that must start from what is saved. */
  ready?: boolean;
  children: (data: T) => ReactNode;
}

/** A query's error, its loader, or its data: the three states every page that shows one record goes through. */
export function Loaded<T>({ query, label, errorTitle, ready = true, children }: Props<T>) {
  if (query.error) {
    return (
      <Alert color="red" title={errorTitle}>
        {errorMessage(query.error)}
      </Alert>
    );
  }
  if (query.data === undefined || !ready) {
    return (
      <Center p="md">
        <Loader aria-label={label} />
      </Center>
    );
  }
  return children(query.data);
}
