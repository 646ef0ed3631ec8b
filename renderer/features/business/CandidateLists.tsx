import { Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  BUSINESS_TYPE_LABEL,
  BUSINESS_TYPES,
  type BusinessType,
  type ListPurpose,
} from '../../../main/domain/business';
import { FailureAlert } from '../awards/FailureAlert';
import { downloadBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';
import { regionOptions, useDistricts } from '../shared/regions';

/** Lists of graduated families with a business for a BLK class or a PENA proposal, as Excel. */
export function CandidateLists() {
  const [districtCode, setDistrict] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [noTrainingYet, setNoTraining] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const xlsx = useApiMutation('business.candidatesXlsx');
  const districts = useDistricts();
  const download = async (purpose: ListPurpose) => {
    setFailure(null);
    try {
      const file = await xlsx.mutateAsync({
        purpose,
        districtCode: districtCode ?? undefined,
        type: (type ?? undefined) as BusinessType | undefined,
        noTrainingYet,
      });
      downloadBase64(file.base64, file.fileName);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Daftar calon peserta BLK dan penerima PENA
        </Title>
        <Text size="sm">
          Keluarga graduasi yang usahanya tercatat. Daftar PENA tidak memuat keluarga yang sudah menerima PENA.
        </Text>
        <Group align="flex-end">
          <Select
            label="Kecamatan"
            placeholder="Semua kecamatan"
            clearable
            data={regionOptions(districts.data)}
            value={districtCode}
            onChange={setDistrict}
          />
          <Select
            label="Jenis usaha"
            placeholder="Semua jenis"
            clearable
            data={BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_LABEL[t] }))}
            value={type}
            onChange={setType}
          />
          <Checkbox
            label="Belum pernah pelatihan"
            checked={noTrainingYet}
            onChange={(e) => setNoTraining(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Group>
          <Button variant="default" loading={xlsx.isPending} onClick={() => download('blk')}>
            Unduh daftar kelas BLK
          </Button>
          <Button variant="default" loading={xlsx.isPending} onClick={() => download('pena')}>
            Unduh daftar usulan PENA
          </Button>
        </Group>
        {failure ? <FailureAlert error={failure} /> : null}
      </Stack>
    </Paper>
  );
}
