import { Alert, Button, Group, Modal, MultiSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { PENDAMPING_FIELDS } from '../../../main/domain/fields';
import { formatNumber } from '../../../main/domain/format';
import { pendampingSchema } from '../../../main/domain/schemas';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { regionOptions, useDistricts } from '../shared/regions';
import { monoInput } from '../shared/styles';

type PendampingRow = OutputOf<'pendamping.list'>[number];

interface Values {
  name: string;
  nip: string;
  phone: string;
  districtCodes: string[];
  active: boolean;
}

interface Props {
  /** The pendamping being edited; null adds a new one. */
  editing: PendampingRow | null;
  opened: boolean;
  onClose: () => void;
}

export function PendampingFormModal({ editing, opened, onClose }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Ubah pendamping: ${editing.name}` : 'Tambah pendamping'}
      size="lg"
    >
      {/* A fresh form per opening, filled from the row being edited. */}
      {opened && <PendampingForm editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function PendampingForm({ editing, onDone }: { editing: PendampingRow | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const districts = useDistricts();
  const create = useApiMutation('pendamping.create');
  const update = useApiMutation('pendamping.update');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      name: editing?.name ?? '',
      nip: editing?.nip ?? '',
      phone: editing?.phone ?? '',
      districtCodes: editing?.districtCodes ?? [],
      active: editing?.active ?? true,
    },
    validate: zodValidate(pendampingSchema),
    onValuesChange: () => setConfirming(false),
  });
  const deactivating = Boolean(editing?.active) && !form.values.active;

  const submit = form.onSubmit(async (values) => {
    // Turning a pendamping off is asked twice: their families lose their pendamping in every list.
    if (deactivating && !confirming) {
      setConfirming(true);
      return;
    }
    setFailure(null);
    try {
      if (editing) await update.mutateAsync({ id: editing.id, data: values });
      else await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: ['pendamping.list'] });
      notifySuccess(editing ? `Data pendamping ${values.name} disimpan.` : `Pendamping ${values.name} ditambahkan.`);
      onDone();
    } catch (error) {
      if (error instanceof ApiError) {
        setFailure(error);
        form.setErrors(serverFieldErrors(error, (f) => f.replace(/^data\./, '')));
      } else setFailure(new ApiError({ code: 'INTERNAL', message: errorMessage(error) }));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={PENDAMPING_FIELDS.name.label} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput
            label={PENDAMPING_FIELDS.nip.label}
            placeholder="18 digit, boleh kosong"
            inputMode="numeric"
            styles={monoInput}
            {...form.getInputProps('nip')}
          />
          <TextInput
            label={PENDAMPING_FIELDS.phone.label}
            inputMode="tel"
            placeholder="08…"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <MultiSelect
          label={PENDAMPING_FIELDS.districtCodes.label}
          placeholder={form.values.districtCodes.length ? '' : 'Pilih satu atau lebih kecamatan'}
          data={regionOptions(districts.data)}
          searchable
          clearable
          {...form.getInputProps('districtCodes')}
        />
        {editing && (
          <Switch
            label="Pendamping aktif"
            description="Pendamping tidak aktif tidak dapat dipilih untuk KPM."
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        {confirming && editing && (
          <Alert color="orange" title={`Nonaktifkan ${editing.name}?`}>
            {editing.activeKpm > 0
              ? `${formatNumber(editing.activeKpm)} KPM aktif masih didampingi ${editing.name}. Sebaiknya pindahkan dulu dengan "Pindahkan semua KPM". `
              : ''}
            Tekan "Ya, nonaktifkan" untuk melanjutkan.
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" color={confirming ? 'red' : undefined} loading={create.isPending || update.isPending}>
            {confirming ? 'Ya, nonaktifkan' : 'Simpan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
