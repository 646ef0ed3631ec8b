import { Alert, Button, List, Text } from '@mantine/core';
import type { RefObject } from 'react';
import type { FieldWarning } from '../../../main/api/kpm.contract';
import { ApiError } from '../../api';
import { errorMessage, RecordLink } from '../shared/errors';

/** The server's warnings on the values given, and saving them as they are. */
export function WarningsAlert({
  warnings,
  confirmRef,
  onConfirm,
  busy,
}: {
  warnings: FieldWarning[];
  confirmRef: RefObject<HTMLButtonElement | null>;
  onConfirm: () => void;
  busy: boolean;
}) {
  return (
    <Alert color="yellow" title="Periksa peringatan berikut" role="alert">
      <List size="sm" mb="sm">
        {warnings.map((w) => (
          <List.Item key={`${w.field}:${w.message}`}>{w.message}</List.Item>
        ))}
      </List>
      <Text size="sm" mb="sm">
        Peringatan tidak menghalangi penyimpanan. Perbaiki datanya, atau simpan jika data memang benar.
      </Text>
      <Button ref={confirmRef} color="yellow" onClick={onConfirm} loading={busy}>
        Simpan meskipun ada peringatan
      </Button>
    </Alert>
  );
}

/** Why the family was not saved, with a link to the record it clashes with when there is one. */
export function FailureAlert({ failure }: { failure: ApiError | Error }) {
  return (
    <Alert color="red" title="Belum tersimpan" role="alert">
      <Text size="sm">{errorMessage(failure)}</Text>
      {failure instanceof ApiError && failure.link && <RecordLink link={failure.link} />}
    </Alert>
  );
}
