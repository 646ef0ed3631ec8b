import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import type { NikMode } from '../../../main/domain/exports';
import { FailureAlert } from '../awards/FailureAlert';
import { PdfModal } from '../documents/PdfPreview';
import { useApiMutation } from '../shared/api-hooks';

/** Prints the meeting's daftar hadir: NIK masked unless the user asks (and may see it) in full. */
export function SheetPrint({ meetingId }: { meetingId: number }) {
  const print = useApiMutation('p2k2.sheet.print');
  const [nikMode, setNikMode] = useState<NikMode>('masked');
  const [file, setFile] = useState<PdfFile | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async () => {
    setFailure(null);
    try {
      setFile(await print.mutateAsync({ meetingId, nikMode }));
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        Cetak lembar ini sebelum pertemuan. Keluarga memberi tanda di kotak H, I, S atau A dan tanda tangan; sesudahnya
        pindai lembar yang sudah diisi dan unggah di bawah. Jangan menulis di atas tanda hitam di sudut dan kode QR.
      </Text>
      <Group align="flex-end">
        <Stack gap={2}>
          <Text size="sm" fw={500} id="nik-cetak">
            NIK dan No. KK di lembar
          </Text>
          <SegmentedControl
            aria-labelledby="nik-cetak"
            value={nikMode}
            onChange={(value) => setNikMode(value as NikMode)}
            data={[
              { value: 'masked', label: 'Disamarkan' },
              { value: 'full', label: 'Lengkap' },
            ]}
          />
        </Stack>
        <Button onClick={run} loading={print.isPending}>
          Cetak daftar hadir
        </Button>
      </Group>
      <FailureAlert error={failure} />
      <PdfModal file={file} title="Daftar hadir P2K2" onClose={() => setFile(null)} />
    </Stack>
  );
}
