import { Alert, Badge, Button, Group, Pagination, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { QueueRow } from '../../../main/api/verification.contract';
import { GRADUATION_DUTIES } from '../../../main/domain/decision';
import { formatTanggal } from '../../../main/domain/format';
import { CANDIDATE_KIND_LABEL, CANDIDATE_STAGE_LABEL, RECOMMENDATION_LABEL } from '../../../main/domain/graduation';
import { useSession } from '../session/session';
import { useApi } from '../shared/api-hooks';
import { errorMessage } from '../shared/errors';
import { paginationControlProps } from '../shared/pagination';
import { AssessmentModal } from './AssessmentModal';
import { StatementModal } from './StatementModal';

const PAGE_SIZE = 50;

/** Candidates awaiting verification (candidate) and verified ones not yet proposed (verified). */
export function VerificationQueue() {
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApi('verification.queue', { q, page, pageSize: PAGE_SIZE });
  const [assessing, setAssessing] = useState<QueueRow | null>(null);
  const [statement, setStatement] = useState<QueueRow | null>(null);
  const data = list.data;

  return (
    <Stack>
      <TextInput
        label="Cari calon"
        placeholder="Nama, NIK atau ID KPM"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover aria-label="Calon menunggu verifikasi">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nama pengurus</Table.Th>
              <Table.Th>Jenis</Table.Th>
              <Table.Th>Tahap</Table.Th>
              <Table.Th>Verifikasi terakhir</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((row) => (
              <Table.Tr key={row.candidateId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.nama}
                  </Text>
                  <Text size="xs" c="dimmed">
                    NIK {row.nik}
                  </Text>
                </Table.Td>
                <Table.Td>{CANDIDATE_KIND_LABEL[row.kind]}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={row.stage === 'verified' ? 'teal' : 'gray'}>
                    {CANDIDATE_STAGE_LABEL[row.stage]}
                  </Badge>
                </Table.Td>
                <LastVerification row={row} />
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {row.kind === 'mandiri' && can(GRADUATION_DUTIES.statement) && (
                      <Button size="xs" variant="default" onClick={() => setStatement(row)}>
                        Surat pernyataan
                      </Button>
                    )}
                    {can(GRADUATION_DUTIES.verify) && (
                      <Button size="xs" onClick={() => setAssessing(row)} aria-label={`Verifikasi ${row.nama}`}>
                        {row.assessmentCount > 0 ? 'Verifikasi ulang' : 'Verifikasi'}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {data && data.total === 0 && (
          <Text p="md" c="dimmed" size="sm">
            Tidak ada calon yang menunggu verifikasi.
          </Text>
        )}
      </Paper>
      {data && data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={paginationControlProps}
        />
      )}
      {assessing && <AssessmentModal candidate={assessing} onClose={() => setAssessing(null)} />}
      {statement && (
        <StatementModal candidateId={statement.candidateId} nama={statement.nama} onClose={() => setStatement(null)} />
      )}
    </Stack>
  );
}

/** The last verification's date, score and recommendation, and how often the family was verified. */
function LastVerification({ row }: { row: QueueRow }) {
  return (
    <Table.Td>
      {row.lastScore === null || !row.lastRecommendation ? (
        <Text size="sm" c="dimmed">
          Belum
        </Text>
      ) : (
        <Text size="sm">
          {formatTanggal(row.lastVisitDate)}: skor {row.lastScore}, {RECOMMENDATION_LABEL[row.lastRecommendation]}
          {row.assessmentCount > 1 ? ` (${row.assessmentCount} kali)` : ''}
        </Text>
      )}
    </Table.Td>
  );
}
