import { Select, SimpleGrid } from '@mantine/core';
import type { DocumentKind } from '../../../main/domain/documents';
import { useApi } from '../shared/api-hooks';
import { DateField } from '../shared/DateField';
import { signatoryOptions, signatoryValue } from './signatories';

interface Props {
  kind: DocumentKind;
  date: string;
  onDate: (iso: string) => void;
  /** Select value; null while the user keeps the kind's default (the contract's absent signatoryId). */
  signatory: string | null;
  onSignatory: (value: string) => void;
  dateError?: string | null;
}

/** Date of issue and signatory of a document about to be issued; the signatory starts as the kind's default. */
export function SignatoryDateFields({ kind, date, onDate, signatory, onSignatory, dateError }: Props) {
  const settings = useApi('documents.settings', {});
  const data = settings.data;
  const fallback = data?.templates.find((t) => t.kind === kind)?.signatoryId ?? null;
  return (
    <SimpleGrid cols={2}>
      <DateField
        label="Tanggal surat"
        withAsterisk
        value={date}
        onChange={onDate}
        error={dateError}
        clearable={false}
      />
      <Select
        label="Penandatangan"
        allowDeselect={false}
        data={data ? signatoryOptions(data.head, data.signatories) : []}
        value={signatory ?? signatoryValue(fallback)}
        onChange={(v) => v && onSignatory(v)}
        disabled={!data}
      />
    </SimpleGrid>
  );
}
