import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { FailureAlert } from '../awards/FailureAlert';
import { PdfModal } from '../documents/PdfPreview';
import { downloadBase64 } from '../import/files';

interface Props {
  /** Makes the .xlsx (absent: the report prints only). */
  xlsx?: () => Promise<{ fileName: string; base64: string }>;
  pdf: () => Promise<PdfFile>;
  title: string;
}

/** "Unduh Excel" and "Cetak" (the PDF previewed, then printed or saved) for a report. */
export function ReportFiles({ xlsx, pdf, title }: Props) {
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [file, setFile] = useState<PdfFile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (which: 'xlsx' | 'pdf', job: () => Promise<void>) => {
    setFailure(null);
    setBusy(which);
    try {
      await job();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        {xlsx && (
          <Button
            variant="default"
            loading={busy === 'xlsx'}
            onClick={() =>
              run('xlsx', async () => {
                const made = await xlsx();
                downloadBase64(made.base64, made.fileName);
              })
            }
          >
            Unduh Excel
          </Button>
        )}
        <Button loading={busy === 'pdf'} onClick={() => run('pdf', async () => setFile(await pdf()))}>
          Cetak
        </Button>
      </Group>
      <FailureAlert error={failure} />
      <PdfModal file={file} title={title} onClose={() => setFile(null)} />
    </Stack>
  );
}
