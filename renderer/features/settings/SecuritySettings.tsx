/** Pengaturan > Keamanan: how long an idle session lasts and which roles see NIK and No. KK in full. */
import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { ROLES, type Role } from '../../../main/domain/enums';
import { securitySettingsSchema } from '../../../main/domain/security';
import { ApiError } from '../../api';
import { ROLE_LABEL, SESSION_KEY } from '../session/session';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { useUnsavedChanges } from '../shared/use-unsaved-changes';

type Settings = OutputOf<'security.settings'>;

interface Values {
  sessionIdleMinutes: number | string;
  fullNikRoles: Role[];
}

const validateSettings = zodValidate(securitySettingsSchema, (v: Values) => ({
  ...v,
  sessionIdleMinutes: v.sessionIdleMinutes === '' ? undefined : Number(v.sessionIdleMinutes),
}));

export function SecuritySettings() {
  const settings = useApi('security.settings', {});
  return (
    <Loaded query={settings} label="Memuat pengaturan keamanan">
      {(data) => <SecurityForm settings={data} />}
    </Loaded>
  );
}

function SecurityForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const update = useApiMutation('security.update');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { sessionIdleMinutes: settings.sessionIdleMinutes, fullNikRoles: settings.fullNikRoles },
    validate: validateSettings,
  });
  const { prompt } = useUnsavedChanges(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await update.mutateAsync({
        sessionIdleMinutes: Number(values.sessionIdleMinutes),
        fullNikRoles: values.fullNikRoles,
      });
      queryClient.setQueryData(apiKey('security.settings', {}), saved);
      form.setValues({ sessionIdleMinutes: saved.sessionIdleMinutes, fullNikRoles: saved.fullNikRoles });
      form.resetDirty({ sessionIdleMinutes: saved.sessionIdleMinutes, fullNikRoles: saved.fullNikRoles });
      // The session carries the idle minutes the renderer counts down with.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifySuccess('Pengaturan keamanan disimpan.');
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {prompt}
      <Stack>
        <NumberInput
          label="Lama sesi tanpa aktivitas (menit)"
          description="Pengguna yang tidak melakukan apa pun selama waktu ini harus masuk kembali. 5 sampai 720 menit."
          min={5}
          max={720}
          // Out-of-range values get the schema's message instead of being silently changed.
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          maw={420}
          {...form.getInputProps('sessionIdleMinutes')}
        />
        <Checkbox.Group
          label="Peran yang melihat NIK dan No. KK lengkap"
          description="Peran lain melihat NIK tersamar di daftar dan ekspor, misalnya 3528********0001."
          {...form.getInputProps('fullNikRoles')}
        >
          <Stack gap="xs" mt="xs">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={ROLE_LABEL[role]} disabled={role === 'admin'} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          Administrator selalu melihat NIK lengkap: hanya administrator yang dapat membetulkan NIK yang salah.
        </Text>
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Simpan pengaturan keamanan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
