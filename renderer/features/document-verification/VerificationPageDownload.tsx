import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { downloadBase64 } from '../import/files';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';

/**
 * The administrator's download of the static verification page for the office website: a phone that scans a
 * letter's QR opens it and sees ASLI, ASLI TETAPI DIBATALKAN or TIDAK ASLI. It lists the letters voided when it
 * was made, so it is uploaded again after every voiding.
 */
export function VerificationPageDownload() {
  const page = useApiMutation('documents.verificationPage');
  const [address, setAddress] = useState<string | null | undefined>(undefined);

  const download = async () => {
    try {
      const file = await page.mutateAsync({});
      downloadBase64(file.base64, file.fileName, 'text/html');
      setAddress(file.address);
    } catch (error) {
      notifyError(error, 'Halaman verifikasi tidak dapat diunduh');
    }
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Halaman verifikasi di laman kantor
      </Title>
      <Text size="sm">
        Satu berkas HTML berisi kunci publik kantor dan daftar nomor surat yang dibatalkan. Pasang di laman kantor
        sebagai alamat /verifikasi (misalnya berkas verifikasi/index.html): kode QR surat yang dibuat setelah laman
        kantor diisi di Pengaturan &gt; Dokumen membuka halaman itu, dan ponsel memeriksa tanda tangan surat tanpa
        server. Halaman ini memuat pembatalan sampai saat diunduh: unggah lagi setiap kali ada surat yang dibatalkan,
        atau isi Folder halaman verifikasi di Pengaturan &gt; Dokumen agar halaman ditulis ulang ke folder itu setiap
        kali surat dibatalkan.
      </Text>
      <Group>
        <Button variant="default" onClick={download} loading={page.isPending}>
          Unduh halaman verifikasi
        </Button>
      </Group>
      {address === null && (
        <Text size="sm" c="orange.9" role="status">
          Laman kantor belum diisi di Pengaturan &gt; Dokumen: kode QR surat masih berisi kode saja, belum membuka
          halaman ini.
        </Text>
      )}
      {address && (
        <Text size="sm" role="status">
          Unggah berkas ini sehingga terbuka di {address}.
        </Text>
      )}
    </Stack>
  );
}
