import { Alert, List } from '@mantine/core';
import { ApiError } from '../../api';
import { errorMessage } from '../shared/errors';

/**
 * A refusal as the server said it, with the fields it named ("Jenis usaha wajib diisi."): these forms are not
 * one input per contract field, so the field messages are listed under the message instead of on inputs.
 */
export function FailureAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? [...new Set(Object.values(error.fields))] : [];
  return (
    <Alert color="red" title={title} role="alert">
      {errorMessage(error)}
      {fields.length > 0 && (
        <List size="sm" mt={4}>
          {fields.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
