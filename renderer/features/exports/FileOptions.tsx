import { Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { EXPORT_FORMAT_LABEL, EXPORT_FORMATS, type NikMode } from '../../../main/domain/exports';
import { maskNik } from '../../../main/domain/identity';
import { ROLE_LABEL, useSession } from '../session/session';
import type { TemplateForm } from './template-form';

const SAMPLE_NIK = '3528014101800001';

interface Props {
  form: TemplateForm;
  allowedNikModes: readonly NikMode[];
  nikMode: NikMode;
  onNikMode: (mode: NikMode) => void;
}

/** How the file is written: format, an optional title row, and whether NIK and No. KK leave in full. */
export function FileOptions({ form, allowedNikModes, nikMode, onNikMode }: Props) {
  const { user } = useSession();
  const mayFull = allowedNikModes.includes('full');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Berkas
        </Title>
        <Radio.Group label="Format" {...form.getInputProps('format')}>
          <Stack gap={6} mt={4}>
            {EXPORT_FORMATS.map((f) => (
              <Radio key={f} value={f} label={EXPORT_FORMAT_LABEL[f]} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label="Baris judul (opsional)"
          description="Dicetak di atas judul kolom, misalnya nama laporan dan periodenya."
          placeholder="Tanpa baris judul"
          {...form.getInputProps('titleRow')}
          value={form.values.titleRow ?? ''}
          onChange={(e) => form.setFieldValue('titleRow', e.currentTarget.value || null)}
        />
        <Radio.Group
          label="NIK dan No. KK"
          value={mayFull ? nikMode : 'masked'}
          onChange={(v) => onNikMode(v as NikMode)}
        >
          <Stack gap={6} mt={4}>
            {mayFull && <Radio value="full" label={`Lengkap (${SAMPLE_NIK})`} />}
            <Radio value="masked" label={`Disamarkan (${maskNik(SAMPLE_NIK)})`} />
          </Stack>
        </Radio.Group>
        {!mayFull && (
          <Text size="sm" c="dimmed">
            Menurut pengaturan data pribadi kantor, peran {ROLE_LABEL[user.role]} tidak melihat NIK lengkap, jadi NIK
            dan No. KK di berkas selalu disamarkan.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
