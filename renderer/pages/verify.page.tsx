import { Paper, Stack } from '@mantine/core';
import { CodeChecker } from '../features/document-verification/CodeChecker';
import { VerificationKeys } from '../features/document-verification/VerificationKeys';
import { PageHeader } from '../features/shared/PageHeader';

export function VerifyDocumentPage() {
  return (
    <>
      <PageHeader
        title="Verifikasi dokumen"
        subtitle="Periksa keaslian surat, piagam atau daftar dari kode QR-nya, tanpa internet."
      />
      <Stack gap="lg" maw={1000}>
        <Paper withBorder p="md" radius="sm">
          <CodeChecker />
        </Paper>
        <Paper withBorder p="md" radius="sm">
          <VerificationKeys />
        </Paper>
      </Stack>
    </>
  );
}
