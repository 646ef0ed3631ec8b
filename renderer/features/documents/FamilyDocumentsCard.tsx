import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PdfFile } from '../../../main/api/documents.contract';
import { DOCUMENT_KIND_LABEL, type FAMILY_KINDS } from '../../../main/domain/documents';
import { DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { formatTanggal } from '../../../main/domain/format';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { Loaded } from '../shared/Loaded';
import { IssueModal } from './IssueModal';
import { PdfModal } from './PdfPreview';
import { StatusBadge } from './StatusBadge';
import { useReprint } from './use-reprint';

type FamilyKind = (typeof FAMILY_KINDS)[number];

/** The family page's documents: what fits its stage (or why not yet), and what was issued to it. */
export function FamilyDocumentsCard({ kpmId, nama }: { kpmId: number; nama: string }) {
  const { can } = useSession();
  const query = useApi('documents.forFamily', { kpmId });
  const [issuing, setIssuing] = useState<FamilyKind | null>(null);
  const [issued, setIssued] = useState<PdfFile | null>(null);
  const { reprint, printingId, file, close } = useReprint();
  const queryClient = useQueryClient();
  const issue = useApiMutation('documents.issue');
  const mayIssue = can(DOCUMENT_DUTIES.issue);
  return (
    <Loaded query={query} label="Memuat dokumen KPM">
      {({ options, issued: documents }) => (
        <Stack gap="sm">
          {mayIssue && (
            <Group gap="xs" align="flex-start">
              {options.map((option) => (
                <Button
                  key={option.kind}
                  variant={option.ready ? 'filled' : 'default'}
                  disabled={!option.ready}
                  onClick={() => setIssuing(option.kind as FamilyKind)}
                >
                  Cetak {DOCUMENT_KIND_LABEL[option.kind].toLowerCase()}
                </Button>
              ))}
            </Group>
          )}
          {/* Why a kind cannot be issued yet, under the buttons (a disabled button shows no tooltip). */}
          {options.some((o) => !o.ready) && (
            <Stack gap={2}>
              {options
                .filter((o) => !o.ready)
                .map((o) => (
                  <Text key={o.kind} size="xs" c="dimmed">
                    {o.reason}
                  </Text>
                ))}
            </Stack>
          )}
          {documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              Belum ada dokumen yang diterbitkan untuk keluarga ini.
            </Text>
          ) : (
            <Table aria-label="Dokumen yang diterbitkan" verticalSpacing={4}>
              <Table.Tbody>
                {documents.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td fz="sm">{DOCUMENT_KIND_LABEL[d.kind]}</Table.Td>
                    <Table.Td fz="sm" ff="monospace">
                      {d.number}
                    </Table.Td>
                    <Table.Td fz="sm">{formatTanggal(d.issuedDate)}</Table.Td>
                    <Table.Td>
                      <StatusBadge row={d} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {mayIssue && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          loading={printingId === d.id}
                          onClick={() => reprint(d.id)}
                          aria-label={`Cetak ulang ${d.number}`}
                        >
                          Cetak ulang
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {issuing && (
            <IssueModal
              kind={issuing}
              title={`${DOCUMENT_KIND_LABEL[issuing]}: ${nama}`}
              issue={async (choice) => {
                const { pdf } = await issue.mutateAsync({ kind: issuing, kpmId, ...choice });
                await queryClient.invalidateQueries({ queryKey: ['documents.forFamily'] });
                await queryClient.invalidateQueries({ queryKey: ['documents.register'] });
                return pdf;
              }}
              onClose={() => setIssuing(null)}
              onIssued={(pdf) => {
                setIssuing(null);
                setIssued(pdf);
              }}
            />
          )}
          <PdfModal file={issued} title="Dokumen diterbitkan" onClose={() => setIssued(null)} />
          <PdfModal file={file} title="Cetak ulang" onClose={close} />
        </Stack>
      )}
    </Loaded>
  );
}
