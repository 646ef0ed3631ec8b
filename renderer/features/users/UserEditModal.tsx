import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { ROLES, type Role } from '../../../main/domain/enums';
import { userUpdateSchema } from '../../../main/domain/schemas';
import { ApiError } from '../../api';
import { ROLE_DESCRIPTION, ROLE_LABEL } from '../session/session';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { PendampingLinkSelect } from './PendampingLinkSelect';

type PublicUser = OutputOf<'users.list'>[number];

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
const validate = zodValidate(userUpdateSchema);

/** The administrator corrects a user's name or changes their role (the server keeps one administrator). */
export function UserEditModal({ user, onClose }: { user: PublicUser | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Ubah pengguna ${user.username}` : ''} size="lg">
      {user && <EditForm user={user} onDone={onClose} />}
    </Modal>
  );
}

function EditForm({ user, onDone }: { user: PublicUser; onDone: () => void }) {
  const queryClient = useQueryClient();
  const update = useApiMutation('users.update');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ id: number; fullName: string; role: Role; pendampingId: number | null }>({
    initialValues: { id: user.id, fullName: user.fullName, role: user.role, pendampingId: user.pendampingId },
    // The link is kept only for the pendamping role (the picker is hidden for the others).
    validate: (v) => validate({ ...v, pendampingId: v.role === 'pendamping' ? v.pendampingId : null }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await update.mutateAsync({
        ...values,
        pendampingId: values.role === 'pendamping' ? values.pendampingId : null,
      });
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      notifySuccess(`Pengguna ${user.username} diubah.`);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Nama lengkap" withAsterisk data-autofocus {...form.getInputProps('fullName')} />
        <Select
          label="Peran"
          withAsterisk
          data={roleOptions}
          allowDeselect={false}
          description={ROLE_DESCRIPTION[form.values.role]}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('role')}
        />
        {form.values.role === 'pendamping' && (
          <PendampingLinkSelect
            value={form.values.pendampingId}
            onChange={(id) => form.setFieldValue('pendampingId', id)}
            error={form.errors.pendampingId}
          />
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={update.isPending}>
            Simpan perubahan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
