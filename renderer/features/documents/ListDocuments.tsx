import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { DOCUMENT_KIND_LABEL } from '../../../main/domain/documents';
import { useApiMutation } from '../shared/api-hooks';
import { IssueModal } from './IssueModal';
import { PdfModal } from './PdfPreview';

type ListKind = 'daftar_usulan' | 'lampiran_keputusan';

/** "Cetak daftar usulan" and, once decided, "Cetak lampiran keputusan": the families as a numbered list. */
export function ListDocumentButtons({ proposalId, decided }: { proposalId: number; decided: boolean }) {
  const [issuing, setIssuing] = useState<ListKind | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const queryClient = useQueryClient();
  const issue = useApiMutation('documents.issueList');
  return (
    <>
      <Button variant="default" onClick={() => setIssuing('daftar_usulan')}>
        Cetak daftar usulan
      </Button>
      {decided && (
        <Button variant="default" onClick={() => setIssuing('lampiran_keputusan')}>
          Cetak lampiran keputusan
        </Button>
      )}
      {issuing && (
        <IssueModal
          kind={issuing}
          title={DOCUMENT_KIND_LABEL[issuing]}
          issue={async (choice) => {
            const { pdf } = await issue.mutateAsync({ kind: issuing, proposalId, ...choice });
            await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
            return pdf;
          }}
          onClose={() => setIssuing(null)}
          onIssued={(file) => {
            setIssuing(null);
            setPdf(file);
          }}
        />
      )}
      <PdfModal file={pdf} title="Dokumen diterbitkan" onClose={() => setPdf(null)} />
    </>
  );
}
