import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import type { DocumentKind } from '../../../main/domain/documents';
import { todayIso } from '../../../main/domain/format';
import { errorMessage } from '../shared/errors';
import { SignatoryDateFields } from './SignatoryDateFields';
import { signatoryId } from './signatories';

/** What the issuing call gets: the date, and the signatory (undefined: the kind's default; null: Kepala Dinas). */
export interface IssueChoice {
  issuedDate: string;
  signatoryId: number | null | undefined;
}

interface Props {
  kind: DocumentKind;
  title: string;
  /** Issues the document (a number is taken) and returns its PDF. */
  issue: (choice: IssueChoice) => Promise<PdfFile>;
  onClose: () => void;
  onIssued: (pdf: PdfFile) => void;
}

/** Date and signatory of one document, then issue: the family documents and the proposal lists share it. */
export function IssueModal({ kind, title, issue, onClose, onIssued }: Props) {
  const [date, setDate] = useState(todayIso());
  const [signatory, setSignatory] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const submit = async () => {
    setFailure(null);
    setDateError(date ? null : 'Tanggal surat wajib diisi.');
    if (!date) return;
    setBusy(true);
    try {
      onIssued(await issue({ issuedDate: date, signatoryId: signatory === null ? undefined : signatoryId(signatory) }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">
          Dokumen mendapat nomor surat berikutnya dan tercatat di agenda surat. Nomor yang sudah diberikan tidak dipakai
          lagi, juga bila dokumen kemudian dibatalkan.
        </Text>
        <SignatoryDateFields
          kind={kind}
          date={date}
          onDate={setDate}
          signatory={signatory}
          onSignatory={setSignatory}
          dateError={dateError}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button onClick={submit} loading={busy}>
            Terbitkan dan cetak
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
