import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PASSWORD_HINT, PASSWORD_IS_USERNAME, passwordIsUsername } from '../../../main/domain/password';
import { passwordChangeSchema } from '../../../main/domain/password-change';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { SESSION_KEY } from './session';

const EMPTY = { oldPassword: '', newPassword: '', newPasswordConfirm: '' };
type Values = typeof EMPTY;

const validateSchema = zodValidate(passwordChangeSchema);

/** Old, new and repeat; the same rules as the server (main/domain/password-change.ts). */
export function ChangePasswordForm({
  oldLabel,
  username,
  onDone,
}: {
  oldLabel: string;
  /** The user's own username: the new password may not be it. */
  username: string;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const change = useApiMutation('auth.changePassword');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: EMPTY,
    validate: (values: Values) => {
      const errors = validateSchema(values);
      if (!errors.newPassword && passwordIsUsername(values.newPassword, username)) {
        errors.newPassword = PASSWORD_IS_USERNAME;
      }
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const session = await change.mutateAsync(values);
      queryClient.setQueryData(SESSION_KEY, session);
      notifySuccess('Kata sandi diganti. Pakai kata sandi baru saat masuk berikutnya.');
      onDone?.();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
      else setFailure(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput
          label={oldLabel}
          withAsterisk
          data-autofocus
          autoComplete="current-password"
          {...form.getInputProps('oldPassword')}
        />
        <PasswordInput
          label="Kata sandi baru"
          description={PASSWORD_HINT}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Ulangi kata sandi baru"
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('newPasswordConfirm')}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Batal
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            Simpan kata sandi baru
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
