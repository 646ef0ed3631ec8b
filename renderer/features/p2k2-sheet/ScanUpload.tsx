import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SheetReview } from '../../../main/api/p2k2-sheet.contract';
import { SCAN_LIMITS } from '../../../main/domain/p2k2-sheet-forms';
import { FailureAlert } from '../awards/FailureAlert';
import { fileToBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';

/** Picks the scanned pages (PDF from the scanner, PNG or JPEG) and reads them; nothing is saved here. */
export function ScanUpload({ meetingId, onRead }: { meetingId: number; onRead: (review: SheetReview) => void }) {
  const read = useApiMutation('p2k2.sheet.read');
  const [files, setFiles] = useState<File[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async () => {
    setFailure(null);
    try {
      const sent = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await fileToBase64(f) })));
      onRead(await read.mutateAsync({ meetingId, files: sent }));
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <FileInput
          label="Berkas pindaian daftar hadir"
          description={`PDF dari mesin pindai, atau gambar PNG/JPEG 150-300 dpi; paling banyak ${SCAN_LIMITS.files} berkas.`}
          placeholder="Pilih berkas"
          accept="application/pdf,image/png,image/jpeg"
          multiple
          clearable
          clearButtonProps={{ 'aria-label': 'Kosongkan pilihan berkas' }}
          value={files}
          onChange={setFiles}
          w={420}
        />
        <Button onClick={run} disabled={files.length === 0} loading={read.isPending}>
          Baca pindaian
        </Button>
      </Group>
      {read.isPending && <Text size="sm">Membaca pindaian… (sekitar satu detik per halaman)</Text>}
      <FailureAlert error={failure} />
    </Stack>
  );
}
