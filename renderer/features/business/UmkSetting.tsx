import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatRupiah } from '../../../main/domain/format';
import { FailureAlert } from '../awards/FailureAlert';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { MoneyInput } from '../shared/MoneyInput';

function UmkForm({ umk }: { umk: number }) {
  const [value, setValue] = useState<number | null>(umk || null);
  const [failure, setFailure] = useState<unknown>(null);
  const save = useApiMutation('business.setUmk');
  const queryClient = useQueryClient();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await save.mutateAsync({ umk: value ?? 0 });
      await Promise.all(
        ['business.umk', 'business.report'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
      notifySuccess(`UMK disimpan: ${formatRupiah(value ?? 0)} per bulan.`);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <MoneyInput label="UMK kabupaten/kota per bulan" withAsterisk value={value} onChange={setValue} />
        <Button type="submit" loading={save.isPending}>
          Simpan UMK
        </Button>
      </Group>
      {failure ? <FailureAlert error={failure} title={errorMessage(failure)} /> : null}
    </form>
  );
}

/** The regency's UMK the business figures are compared with; the administrator sets it. */
export function UmkSetting({ editable }: { editable: boolean }) {
  const umk = useApi('business.umk', {});
  return (
    <Paper withBorder p="md">
      <Loaded query={umk} label="Memuat UMK">
        {(data) => (
          <Stack>
            <Text size="sm">
              Pendapatan keluarga graduasi dibandingkan dengan UMK ini; pendapatan sama dengan UMK dihitung di atas UMK.
            </Text>
            {editable ? (
              <UmkForm umk={data.umk} />
            ) : (
              <Text fw={700}>{data.umk > 0 ? `${formatRupiah(data.umk)} per bulan` : 'UMK belum diatur.'}</Text>
            )}
          </Stack>
        )}
      </Loaded>
    </Paper>
  );
}
