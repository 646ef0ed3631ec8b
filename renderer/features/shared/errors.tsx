import { Anchor, Text } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ErrorLink } from '../../../main/domain/errors';
import { ApiError } from '../../api';

/** The user-facing message of any error; unknown errors get a generic Indonesian sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Terjadi kesalahan yang tidak terduga. Coba lagi.';
}

export function notifyError(error: unknown, title = 'Gagal') {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function notifySuccess(message: string, title = 'Berhasil') {
  notifications.show({ color: 'teal', title, message });
}

/**
 * zod issues -> Mantine form errors keyed by path ('members.0.nik'), the same keys the server sends.
 * `prepare` turns the form's values (strings from inputs) into the schema's input first.
 */
export function zodValidate<V, S extends z.ZodType>(schema: S, prepare: (values: V) => unknown = (v) => v) {
  return (values: V): FormErrors => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= issue.message;
    }
    return errors;
  };
}

/** A link to the record the server named (e.g. the family that already holds a NIK). */
export function RecordLink({ link, inherit = false }: { link: ErrorLink; inherit?: boolean }) {
  const to = link.kind === 'kpm' ? `/kpm/${link.id}` : '/pendamping';
  const prefix = link.kind === 'kpm' ? 'Buka keluarga' : 'Buka pendamping';
  return (
    <Anchor component={Link} to={to} size="sm" inherit={inherit} fw={500}>
      {prefix} {link.label}
    </Anchor>
  );
}

/**
 * Server field errors onto the form. Duplicate errors also carry the existing record: its link goes
 * under the first field that names it, so the user can jump straight to that family.
 */
export function serverFieldErrors(error: ApiError, rename: (field: string) => string = (f) => f): FormErrors {
  const errors: FormErrors = {};
  let linked = false;
  for (const [field, message] of Object.entries(error.fields)) {
    let node: ReactNode = message;
    if (error.link && !linked) {
      linked = true;
      node = (
        <>
          <Text span inherit>
            {message}{' '}
          </Text>
          <RecordLink link={error.link} inherit />
        </>
      );
    }
    errors[rename(field)] = node;
  }
  return errors;
}
