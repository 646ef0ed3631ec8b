import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BUSINESS_DUTIES,
  BUSINESS_TYPE_LABEL,
  BUSINESS_TYPES,
  type BusinessType,
  KUBE_MAX,
  KUBE_MIN,
  kubeAssetSchema,
  kubeCreateSchema,
} from '../../../main/domain/business';
import { formatRupiah, formatTanggal } from '../../../main/domain/format';
import { ApiError } from '../../api';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { errorMessage, notifySuccess, serverFieldErrors, zodValidate } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { MoneyInput } from '../shared/MoneyInput';
import { KubeAddMember } from './KubeAddMember';
import { KubeMembers } from './KubeMembers';
import { useGraduateOptions } from './use-graduate-options';

function KubeCreateForm() {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string }[]>([]);
  const options = useGraduateOptions(q);
  const save = useApiMutation('business.createKube');
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      businessType: null as string | null,
      business: '',
      formedDate: '',
      kpmIds: [] as string[],
    },
    validate: zodValidate(kubeCreateSchema, (v) => ({
      ...v,
      businessType: v.businessType ?? undefined,
      kpmIds: v.kpmIds.map(Number),
    })),
  });
  const data = [...picked, ...options.filter((o) => !picked.some((p) => p.value === o.value))];
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      const kube = await save.mutateAsync({
        ...v,
        businessType: v.businessType as BusinessType,
        kpmIds: v.kpmIds.map(Number),
      });
      await queryClient.invalidateQueries({ queryKey: ['business.kubes'] });
      notifySuccess(`${kube.name} dibentuk dengan ${kube.members.length} keluarga.`);
      form.reset();
      setPicked([]);
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3} size="h5">
          Bentuk KUBE
        </Title>
        <Group grow>
          <TextInput label="Nama KUBE" withAsterisk {...form.getInputProps('name')} />
          <Select
            label="Jenis usaha KUBE"
            withAsterisk
            data={BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_LABEL[t] }))}
            {...form.getInputProps('businessType')}
          />
          <DateField label="Tanggal dibentuk" withAsterisk {...form.getInputProps('formedDate')} />
        </Group>
        <TextInput label="Usaha bersama" placeholder="mis. produksi keripik" {...form.getInputProps('business')} />
        <MultiSelect
          label={`Anggota (${KUBE_MIN}-${KUBE_MAX} keluarga graduasi)`}
          withAsterisk
          searchable
          searchValue={q}
          onSearchChange={setQ}
          data={data}
          {...form.getInputProps('kpmIds')}
          onChange={(values) => {
            form.setFieldValue('kpmIds', values);
            setPicked(data.filter((d) => values.includes(d.value)));
          }}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Bentuk KUBE
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AssetForm({ kubeId }: { kubeId: number }) {
  const save = useApiMutation('business.addKubeAsset');
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ kubeId: number; name: string; value: number | null; acquiredDate: string }>({
    initialValues: { kubeId, name: '', value: null, acquiredDate: '' },
    validate: zodValidate(kubeAssetSchema, (v) => ({ ...v, value: v.value ?? undefined })),
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await save.mutateAsync({ ...v, value: v.value ?? 0 });
      await queryClient.invalidateQueries({ queryKey: ['business.kube'] });
      form.reset();
    } catch (error) {
      if (error instanceof ApiError) form.setErrors(serverFieldErrors(error));
      setFailure(errorMessage(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <TextInput label="Nama aset" withAsterisk {...form.getInputProps('name')} />
        <MoneyInput label="Nilai aset" withAsterisk {...form.getInputProps('value')} />
        <DateField label="Tanggal perolehan" withAsterisk {...form.getInputProps('acquiredDate')} />
        <Button type="submit" variant="default" loading={save.isPending}>
          Tambah aset
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" mt="xs">
          {failure}
        </Alert>
      )}
    </form>
  );
}

function KubeDetailView({ id, editable }: { id: number; editable: boolean }) {
  const kube = useApi('business.kube', { id });
  return (
    <Loaded query={kube} label="Memuat KUBE">
      {(k) => (
        <Stack gap="xs">
          <Text size="sm">
            {BUSINESS_TYPE_LABEL[k.businessType as BusinessType]}
            {k.business ? `: ${k.business}` : ''}, dibentuk {formatTanggal(k.formedDate)}. Anggota {k.members.length}{' '}
            keluarga ({KUBE_MIN}-{KUBE_MAX}).
          </Text>
          <KubeMembers kube={k} editable={editable} />
          {editable && <KubeAddMember kubeId={k.id} kubeName={k.name} memberIds={k.members.map((m) => m.kpmId)} />}
          <Text size="sm" fw={700}>
            Aset milik KUBE: {formatRupiah(k.assetTotal)}
          </Text>
          {k.assets.length > 0 && (
            <Table aria-label={`Aset KUBE ${k.name}`} verticalSpacing={4}>
              <Table.Tbody>
                {k.assets.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td>{formatTanggal(a.acquiredDate)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(a.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {editable && <AssetForm kubeId={k.id} />}
        </Stack>
      )}
    </Loaded>
  );
}

/** KUBE groups: each with its members and the assets the group owns; the office forms them. */
export function KubePanel() {
  const kubes = useApi('business.kubes', {});
  const { can } = useSession();
  const editable = can(BUSINESS_DUTIES.kube);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Loaded query={kubes} label="Memuat KUBE">
          {(list) =>
            list.length === 0 ? (
              <Text size="sm">Belum ada KUBE.</Text>
            ) : (
              <Stack>
                {list.map((k) => (
                  <Stack key={k.id} gap={4}>
                    <Group justify="space-between">
                      <Text fw={700}>{k.name}</Text>
                      <Button size="xs" variant="subtle" onClick={() => setOpen(open === k.id ? null : k.id)}>
                        {open === k.id ? 'Tutup' : 'Lihat anggota dan aset'}
                      </Button>
                    </Group>
                    {open === k.id && <KubeDetailView id={k.id} editable={editable} />}
                  </Stack>
                ))}
              </Stack>
            )
          }
        </Loaded>
      </Paper>
      {editable && (
        <Paper withBorder p="md">
          <KubeCreateForm />
        </Paper>
      )}
    </Stack>
  );
}
