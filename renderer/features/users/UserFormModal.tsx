import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES, type Role } from '../../../main/domain/enums';
import { PASSWORD_HINT } from '../../../main/domain/password';
import { userCreateSchema } from '../../../main/domain/schemas';
import { ApiError } from '../../api';
import { ROLE_DESCRIPTION, ROLE_LABEL } from '../session/session';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { PendampingLinkSelect } from './PendampingLinkSelect';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

interface Values {
  username: string;
  fullName: string;
  role: Role | null;
  pendampingId: number | null;
  password: string;
  passwordConfirm: string;
}

const validateSchema = zodValidate(userCreateSchema);

export function UserFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Tambah pengguna" size="lg">
      {opened && <UserForm onDone={onClose} />}
    </Modal>
  );
}

function UserForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const create = useApiMutation('users.create');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      username: '',
      fullName: '',
      role: 'operator',
      pendampingId: null,
      password: '',
      passwordConfirm: '',
    },
    validate: (values) => {
      const errors = validateSchema({
        ...values,
        pendampingId: values.role === 'pendamping' ? values.pendampingId : null,
      });
      if (values.passwordConfirm !== values.password) errors.passwordConfirm = 'Ulangi kata sandi yang sama persis.';
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ passwordConfirm: _c, role, ...values }) => {
    setFailure(null);
    try {
      const pendampingId = role === 'pendamping' ? values.pendampingId : null;
      const user = await create.mutateAsync({ ...values, role: role as Role, pendampingId });
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
      notifySuccess(`Pengguna ${user.username} dibuat.`);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Nama pengguna"
          description="Huruf kecil, angka, titik, garis bawah atau strip; 3-32 karakter."
          withAsterisk
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('username')}
        />
        <TextInput label="Nama lengkap" withAsterisk {...form.getInputProps('fullName')} />
        <Select
          label="Peran"
          withAsterisk
          data={roleOptions}
          allowDeselect={false}
          description={form.values.role ? ROLE_DESCRIPTION[form.values.role] : undefined}
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
        <PasswordInput
          label="Kata sandi"
          description={PASSWORD_HINT}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Ulangi kata sandi"
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('passwordConfirm')}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={create.isPending}>
            Simpan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
