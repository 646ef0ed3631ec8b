import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { formatNumber } from '../../../main/domain/format';
import { downloadBase64 } from '../import/files';

function pdfBlobUrl(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * A PDF made in the main process, shown as it will print. The same bytes are previewed, printed ("Cetak" prints
 * the frame, i.e. the PDF itself) and downloaded, so what the office sees is what it signs.
 */
export function PdfPreview({ file, height = 620 }: { file: PdfFile; height?: number }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useMemo(() => pdfBlobUrl(file.base64), [file.base64]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {file.fileName} · {formatNumber(file.pages)} halaman
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => downloadBase64(file.base64, file.fileName, 'application/pdf')}>
            Unduh PDF
          </Button>
          <Button onClick={() => frame.current?.contentWindow?.print()}>Cetak</Button>
        </Group>
      </Group>
      <iframe
        ref={frame}
        src={url}
        title={`Pratinjau ${file.fileName}`}
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
      />
    </Stack>
  );
}

/** PdfPreview in a dialog: what issuing, reprinting and batches show when their PDF is ready. */
export function PdfModal({ file, title, onClose }: { file: PdfFile | null; title: string; onClose: () => void }) {
  return (
    <Modal opened={file !== null} onClose={onClose} title={title} size="80rem">
      {file && <PdfPreview file={file} height={640} />}
    </Modal>
  );
}
