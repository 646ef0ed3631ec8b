import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf, SessionInfo } from '../../../main/api/contract';
import { officeSchema } from '../../../main/domain/schemas';
import { ApiError } from '../../api';
import { SESSION_KEY } from '../session/session';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { useUnsavedChanges } from '../shared/use-unsaved-changes';
import { OfficeFields, type OfficeValues } from './OfficeFields';

type Office = OutputOf<'office.get'>;

const validateOffice = zodValidate(officeSchema.omit({ regencyCode: true }));

export function OfficeSettings() {
  const office = useApi('office.get', {});
  return (
    <Loaded query={office} label="Memuat profil kantor">
      {(data) => <OfficeForm office={data} />}
    </Loaded>
  );
}

function OfficeForm({ office }: { office: Office }) {
  const queryClient = useQueryClient();
  const update = useApiMutation('office.update');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<OfficeValues>({
    initialValues: {
      agencyName: office.agencyName,
      address: office.address,
      phone: office.phone,
      email: office.email,
      logo: office.logo,
      headName: office.headName,
      headRank: office.headRank,
      headNip: office.headNip,
    },
    validate: validateOffice,
  });
  const { prompt } = useUnsavedChanges(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await update.mutateAsync(values);
      queryClient.setQueryData(apiKey('office.get', {}), saved);
      // The header shows the office from the session: keep it in step without a reload.
      queryClient.setQueryData<SessionInfo | null>(SESSION_KEY, (s) => (s ? { ...s, office: saved } : s));
      form.resetDirty(values);
      notifySuccess('Profil kantor disimpan.');
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {prompt}
      <OfficeFields
        form={form}
        regency={
          <TextInput
            label="Kabupaten/kota"
            value={office.regencyName}
            readOnly
            variant="filled"
            description="Ditetapkan saat penyiapan; daftar kecamatan dan desa dimuat untuk wilayah ini."
          />
        }
      />
      {failure && (
        <Alert color="red" mt="md">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
          Simpan profil kantor
        </Button>
      </Group>
    </form>
  );
}
