import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { VERKOM_DUTIES } from '../../../main/domain/duties';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

/** The attendance threshold: a month below it misses the education commitment. Only the administrator changes it. */
export function ThresholdSetting() {
  const settings = useApi('verkom.settings.get', {});
  return (
    <Loaded query={settings} label="Memuat ambang kehadiran">
      {(data) => <ThresholdForm saved={data.thresholdPercent} />}
    </Loaded>
  );
}

function ThresholdForm({ saved }: { saved: number }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const update = useApiMutation('verkom.settings.update');
  const [value, setValue] = useState<number | string>(saved);
  const [error, setError] = useState<string | null>(null);
  const editable = session.can(VERKOM_DUTIES.settings);
  const save = async () => {
    setError(null);
    try {
      await update.mutateAsync({ thresholdPercent: Number(value) });
      await queryClient.invalidateQueries();
      notifySuccess('Ambang kehadiran disimpan.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack maw={520}>
      <Text size="sm">
        Siswa yang kehadirannya di bawah ambang ini pada suatu bulan dianggap tidak memenuhi komitmen pendidikan bulan
        itu. Ketentuan berbeda antar sumber (85% atau 45%); semua bulan yang sudah diimpor dinilai ulang.
      </Text>
      <Group align="flex-end">
        <NumberInput
          label="Ambang kehadiran (% hari efektif)"
          value={value}
          onChange={setValue}
          min={1}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          suffix="%"
          error={error}
          readOnly={!editable}
          w={260}
        />
        {editable && (
          <Button onClick={save} loading={update.isPending}>
            Simpan
          </Button>
        )}
      </Group>
    </Stack>
  );
}
