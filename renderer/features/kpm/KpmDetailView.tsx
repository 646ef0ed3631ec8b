import { Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { AWARD_DUTIES, CANDIDATE_DUTIES, DOCUMENT_DUTIES, FAMILY_DUTIES } from '../../../main/domain/duties';
import { HUBUNGAN_LABEL } from '../../../main/domain/enums';
import { formatTanggal, todayIso } from '../../../main/domain/format';
import { KOMPONEN_LABEL } from '../../../main/domain/komponen';
import { ageOn } from '../../../main/domain/komponen-rules';
import { FamilyAwardsCard } from '../awards/FamilyAwardsCard';
import { FamilyDocumentsCard } from '../documents/FamilyDocumentsCard';
import { CandidateAddModal } from '../graduation/CandidateAddModal';
import { ExitModal } from '../graduation/ExitModal';
import { GraduationTimeline } from '../graduation/GraduationTimeline';
import { useSession } from '../session/session';
import { PageHeader } from '../shared/PageHeader';
import { BenefitSummary } from './BenefitSummary';
import { detailRows } from './detail-rows';
import { HistoryList } from './HistoryList';
import { SEX_LABEL } from './labels';
import { IdKpmText } from './MissingIdKpm';
import { PrivacyReportButton } from './PrivacyReportButton';

type KpmDetail = OutputOf<'kpm.get'>;

const dash = (value: ReactNode) => (value === null || value === undefined || value === '' ? '–' : value);

export function KpmDetailView({ detail }: { detail: KpmDetail }) {
  const { kpm } = detail;
  const { can } = useSession();
  const [exitOpen, exit] = useDisclosure(false);
  const [candidateOpen, candidate] = useDisclosure(false);
  return (
    <>
      <PageHeader
        back={{ to: '/kpm', label: 'Data KPM' }}
        title={kpm.nama}
        subtitle={
          <>
            {kpm.idKpm ? `ID KPM ${kpm.idKpm}` : <IdKpmText idKpm={null} />} · NIK{' '}
            <Text span ff="monospace" inherit>
              {kpm.nik}
            </Text>
          </>
        }
        actions={
          <>
            {detail.nikFull && <PrivacyReportButton kpmId={kpm.id} />}
            {can(FAMILY_DUTIES.edit) && (
              <>
                <Button component={Link} to={`/kpm/${kpm.id}/ubah`}>
                  Ubah
                </Button>
                <Button variant="outline" color="red" onClick={exit.open} disabled={kpm.status !== 'aktif'}>
                  Catat keluar
                </Button>
              </>
            )}
            {can(CANDIDATE_DUTIES.addOne) && (
              <Button variant="outline" onClick={candidate.open} disabled={kpm.status !== 'aktif'}>
                Usulkan calon graduasi
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <IdentityCard detail={detail} />
          <AddressCard detail={detail} />
        </SimpleGrid>
        <Card title={`Anggota keluarga (${detail.members.length})`}>
          <MembersView detail={detail} />
        </Card>
        <Card title="Komponen dan bantuan">
          <BenefitSummary benefit={detail.benefit} />
        </Card>
        <SimpleGrid cols={2} spacing="md">
          <Card title="Riwayat perubahan">
            <HistoryList entries={detail.history} names={detail.historyNames} />
          </Card>
          <Card title="Tahapan graduasi">
            <GraduationTimeline kpmId={kpm.id} />
          </Card>
        </SimpleGrid>
        {can(DOCUMENT_DUTIES.view) && (
          <Card title="Dokumen">
            <FamilyDocumentsCard kpmId={kpm.id} nama={kpm.nama} />
          </Card>
        )}
        {can(AWARD_DUTIES.view) && (
          <Card title="Bantuan usaha">
            <FamilyAwardsCard kpmId={kpm.id} />
          </Card>
        )}
      </Stack>
      <ExitModal id={kpm.id} nama={kpm.nama} opened={exitOpen} onClose={exit.close} />
      <CandidateAddModal
        kpmId={kpm.id}
        nama={kpm.nama}
        pendampingName={detail.pendampingName}
        opened={candidateOpen}
        onClose={candidate.close}
      />
    </>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="sm" h="100%">
      <Title id={id} order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label-value pairs, read top to bottom like the family card (KK) itself. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table layout="fixed" withRowBorders={false} verticalSpacing={3}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170} c="dimmed" fw={400} fz="sm" style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td fz="sm">{dash(value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function IdentityCard({ detail }: { detail: KpmDetail }) {
  const { office } = useSession();
  const rows = detailRows(detail, office.regencyName).filter((row) => row.card === 'identity');
  return (
    <Card title="Identitas pengurus">
      <Facts rows={rows.map((row) => [row.label, row.value])} />
    </Card>
  );
}

function AddressCard({ detail }: { detail: KpmDetail }) {
  const { office } = useSession();
  const rows = detailRows(detail, office.regencyName).filter((row) => row.card === 'address');
  return (
    <Card title="Alamat dan kepesertaan">
      <Facts rows={rows.map((row) => [row.label, row.value])} />
    </Card>
  );
}

function MembersView({ detail }: { detail: KpmDetail }) {
  if (detail.members.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Tidak ada anggota selain pengurus.
      </Text>
    );
  const today = todayIso();
  return (
    <Table striped layout="fixed" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>No</Table.Th>
          <Table.Th w={170}>NIK</Table.Th>
          <Table.Th w={120}>NISN</Table.Th>
          <Table.Th>Nama</Table.Th>
          <Table.Th w={100}>Hubungan</Table.Th>
          <Table.Th w={230}>Tanggal lahir (umur)</Table.Th>
          <Table.Th w={120}>Jenis kelamin</Table.Th>
          <Table.Th w={200}>Komponen</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.members.map((m, i) => (
          <Table.Tr key={m.id}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td ff="monospace">{dash(m.nik)}</Table.Td>
            <Table.Td ff="monospace">{dash(m.nisn)}</Table.Td>
            <Table.Td>{m.nama}</Table.Td>
            <Table.Td>{HUBUNGAN_LABEL[m.hubungan]}</Table.Td>
            <Table.Td>
              {m.tanggalLahir ? `${formatTanggal(m.tanggalLahir)} (${ageOn(m.tanggalLahir, today)} th)` : '–'}
            </Table.Td>
            <Table.Td>{SEX_LABEL[m.jenisKelamin]}</Table.Td>
            <Table.Td>
              {m.komponen ? (
                KOMPONEN_LABEL[m.komponen]
              ) : (
                <Text span c="dimmed" size="sm">
                  –
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
