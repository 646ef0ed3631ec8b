import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { onlineShopSchema, penaSchema, trainingSchema } from '../../../main/domain/business';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { MoneyInput } from '../shared/MoneyInput';

type Kind = 'pelatihan' | 'online' | 'pena';
const TITLE: Record<Kind, string> = {
  pelatihan: 'Catat rujukan pelatihan',
  online: 'Catat jualan online',
  pena: 'Catat PENA',
};

/** The save, the refresh of the family's card and the failure shown in place, shared by the three forms. */
function useSave(onDone: () => void) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (job: () => Promise<unknown>, done: string, setErrors: (e: Record<string, ReactNode>) => void) => {
    setFailure(null);
    try {
      await job();
      await queryClient.invalidateQueries({ queryKey: ['business.family'] });
      notifySuccess(done);
      onDone();
    } catch (error) {
      if (error instanceof ApiError) setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
    }
  };
  return { run, failure };
}

function Footer({ failure, onCancel, loading }: { failure: string | null; onCancel: () => void; loading: boolean }) {
  return (
    <>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Batal
        </Button>
        <Button type="submit" loading={loading}>
          Simpan
        </Button>
      </Group>
    </>
  );
}

function TrainingForm({ kpmId, onDone }: { kpmId: number; onDone: () => void }) {
  const save = useApiMutation('business.addTraining');
  const { run, failure } = useSave(onDone);
  const form = useForm({
    initialValues: {
      kpmId,
      course: '',
      institution: '',
      startDate: '',
      endDate: '',
      completed: false,
      certificate: false,
      certificateNumber: '',
    },
    validate: zodValidate(trainingSchema),
  });
  const submit = form.onSubmit((v) => run(() => save.mutateAsync(v), `Pelatihan ${v.course} dicatat.`, form.setErrors));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow>
          <TextInput label="Nama pelatihan" withAsterisk {...form.getInputProps('course')} />
          <TextInput
            label="Lembaga pelatihan"
            placeholder="mis. BLK Kota"
            withAsterisk
            {...form.getInputProps('institution')}
          />
        </Group>
        <Group grow>
          <DateField label="Tanggal mulai" withAsterisk {...form.getInputProps('startDate')} />
          <DateField label="Tanggal selesai" withAsterisk {...form.getInputProps('endDate')} />
        </Group>
        <Checkbox label="Pelatihan sudah selesai" {...form.getInputProps('completed', { type: 'checkbox' })} />
        <Checkbox label="Mendapat sertifikat" {...form.getInputProps('certificate', { type: 'checkbox' })} />
        {form.values.certificate && (
          <TextInput label="Nomor sertifikat" withAsterisk {...form.getInputProps('certificateNumber')} />
        )}
        <Footer failure={failure} onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function OnlineForm({ kpmId, onDone }: { kpmId: number; onDone: () => void }) {
  const save = useApiMutation('business.addOnlineShop');
  const { run, failure } = useSave(onDone);
  const form = useForm({
    initialValues: { kpmId, platform: '', accountName: '', since: '' },
    validate: zodValidate(onlineShopSchema),
  });
  const submit = form.onSubmit((v) =>
    run(() => save.mutateAsync(v), `Jualan online di ${v.platform} dicatat.`, form.setErrors),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Platform"
          placeholder="mis. Shopee, Tokopedia, WhatsApp"
          withAsterisk
          {...form.getInputProps('platform')}
        />
        <TextInput label="Nama akun/toko" withAsterisk {...form.getInputProps('accountName')} />
        <DateField label="Berjualan sejak" withAsterisk {...form.getInputProps('since')} />
        <Footer failure={failure} onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function PenaForm({ kpmId, onDone }: { kpmId: number; onDone: () => void }) {
  const save = useApiMutation('business.addPena');
  const { run, failure } = useSave(onDone);
  const form = useForm<{ kpmId: number; scheme: string; amount: number | null; date: string }>({
    initialValues: { kpmId, scheme: '', amount: null, date: '' },
    validate: zodValidate(penaSchema, (v) => ({ ...v, amount: v.amount ?? undefined })),
  });
  const submit = form.onSubmit((v) =>
    run(() => save.mutateAsync({ ...v, amount: v.amount ?? 0 }), `PENA ${v.scheme} dicatat.`, form.setErrors),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Skema PENA" withAsterisk {...form.getInputProps('scheme')} />
        <MoneyInput label="Nilai bantuan" withAsterisk {...form.getInputProps('amount')} />
        <DateField label="Tanggal" withAsterisk {...form.getInputProps('date')} />
        <Footer failure={failure} onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

/** "Pelatihan", "Jualan online" and "PENA" buttons of a graduated family's business card, each with its form. */
export function FamilyRecordButtons({ kpmId }: { kpmId: number }) {
  const [open, setOpen] = useState<Kind | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => setOpen('pelatihan')}>
          Tambah pelatihan
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen('online')}>
          Tambah jualan online
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen('pena')}>
          Tambah PENA
        </Button>
      </Group>
      <Modal opened={open !== null} onClose={close} title={open ? TITLE[open] : ''} size="lg">
        {open === 'pelatihan' && <TrainingForm kpmId={kpmId} onDone={close} />}
        {open === 'online' && <OnlineForm kpmId={kpmId} onDone={close} />}
        {open === 'pena' && <PenaForm kpmId={kpmId} onDone={close} />}
      </Modal>
    </>
  );
}
