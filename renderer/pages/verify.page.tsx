import { Paper, Stack } from '@mantine/core';
import { DOCUMENT_DUTIES } from '../../main/domain/duties';
import { CodeChecker } from '../features/document-verification/CodeChecker';
import { VerificationKeys } from '../features/document-verification/VerificationKeys';
import { VerificationPageDownload } from '../features/document-verification/VerificationPageDownload';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';

export function VerifyDocumentPage() {
  const { can } = useSession();
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
        {can(DOCUMENT_DUTIES.settings) && (
          <Paper withBorder p="md" radius="sm">
            <VerificationPageDownload />
          </Paper>
        )}
      </Stack>
    </>
  );
}
