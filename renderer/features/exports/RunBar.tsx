import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { type ExportTemplateInput, exportTemplateSchema, type NikMode } from '../../../main/domain/exports';
import { formatNumber } from '../../../main/domain/format';
import { downloadBase64 } from '../import/files';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { NIK_MODE_LABEL } from './labels';
import { cleanInput, periodError } from './template-form';

interface Props {
  templateKey: string;
  values: ExportTemplateInput;
  nikMode: NikMode;
}

/** "Jumlah baris" for the template as it stands, and "Unduh": the file comes back as bytes and is saved. */
export function RunBar({ templateKey, values, nikMode }: Props) {
  const queryClient = useQueryClient();
  const template = cleanInput(values);
  const valid = exportTemplateSchema.safeParse(template).success && !periodError(template.filters);
  // One count per pause in typing, not one per key.
  const [counted] = useDebouncedValue(template, 300);
  const count = useApi('exports.count', counted, {
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const run = useApiMutation('exports.run');
  const download = async () => {
    try {
      const file = await run.mutateAsync({ templateKey, template, nikMode });
      downloadBase64(file.base64, file.fileName, file.mimeType);
      notifySuccess(
        `${formatNumber(file.rows)} baris diekspor ke ${file.fileName} (${NIK_MODE_LABEL[file.nikMode]}).`,
        'Ekspor selesai',
      );
      await queryClient.invalidateQueries({ queryKey: ['exports.log'] });
    } catch (error) {
      notifyError(error, 'Ekspor gagal');
    }
  };
  const rows = count.data?.rows;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <RowCount valid={valid} rows={rows} loading={count.isFetching} error={count.error} />
        <Button onClick={download} loading={run.isPending} disabled={!valid || rows === 0} size="md">
          Unduh
        </Button>
      </Group>
    </Paper>
  );
}

function RowCount(props: { valid: boolean; rows: number | undefined; loading: boolean; error: Error | null }) {
  if (!props.valid) {
    return (
      <Text size="sm" c="red">
        Perbaiki isian yang ditandai merah sebelum mengekspor.
      </Text>
    );
  }
  if (props.error) {
    return (
      <Text size="sm" c="red">
        {errorMessage(props.error)}
      </Text>
    );
  }
  if (props.rows === undefined) return <Loader size="sm" aria-label="Menghitung baris" />;
  return (
    <Group gap="xs">
      <Text aria-live="polite">
        Jumlah baris: <b>{formatNumber(props.rows)}</b>
        {props.rows === 0 && ' — tidak ada data yang cocok dengan filter ini.'}
      </Text>
      {props.loading && <Loader size="xs" aria-label="Menghitung baris" />}
    </Group>
  );
}
