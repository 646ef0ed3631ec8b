import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { WorkPlanItemRow } from '../../../main/api/workplan.contract';
import {
  itemUpdateSchema,
  WORK_PLAN_KIND_LABEL,
  WORK_PLAN_KINDS,
  type WorkPlanKind,
} from '../../../main/domain/workplan';
import { ApiError } from '../../api';
import { useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess, zodValidate } from '../shared/errors';
import { useRefreshWorkPlans } from './use-workplan';

const kindOptions = WORK_PLAN_KINDS.map((k) => ({ value: k, label: WORK_PLAN_KIND_LABEL[k] }));
const validate = zodValidate(itemUpdateSchema);

interface Values {
  kind: WorkPlanKind;
  date: string;
  title: string;
  place: string;
}

/** Adds an activity to a draft plan, or changes one (`item`); the date must be in the plan's month. */
export function ItemFormModal({
  planId,
  month,
  item,
  opened,
  onClose,
}: {
  planId: number;
  month: string;
  item: WorkPlanItemRow | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={item ? 'Ubah kegiatan' : 'Tambah kegiatan'}>
      {opened && <ItemForm planId={planId} month={month} item={item} onDone={onClose} />}
    </Modal>
  );
}

function ItemForm({
  planId,
  month,
  item,
  onDone,
}: {
  planId: number;
  month: string;
  item: WorkPlanItemRow | null;
  onDone: () => void;
}) {
  const add = useApiMutation('workPlans.addItem');
  const update = useApiMutation('workPlans.updateItem');
  const refresh = useRefreshWorkPlans();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: item
      ? { kind: item.kind, date: item.date, title: item.title, place: item.place }
      : { kind: 'kunjungan_rumah', date: `${month}-01`, title: '', place: '' },
    validate: (v) => validate({ ...v, id: item?.id ?? 1 }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      if (item) await update.mutateAsync({ ...values, id: item.id });
      else await add.mutateAsync({ ...values, planId });
      await refresh();
      notifySuccess(item ? 'Kegiatan diubah.' : 'Kegiatan ditambahkan.');
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiError) form.setErrors(error.fields);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Jenis kegiatan"
          withAsterisk
          data={kindOptions}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <TextInput
          label="Tanggal"
          type="date"
          withAsterisk
          min={`${month}-01`}
          max={`${month}-31`}
          data-autofocus
          {...form.getInputProps('date')}
        />
        <TextInput label="Uraian kegiatan" withAsterisk maxLength={200} {...form.getInputProps('title')} />
        <TextInput label="Tempat" maxLength={200} {...form.getInputProps('place')} />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Batal
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            Simpan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
