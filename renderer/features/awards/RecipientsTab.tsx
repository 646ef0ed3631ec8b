import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AwardRow, ProgramSummary } from '../../../main/api/awards.contract';
import type { PdfFile } from '../../../main/api/documents.contract';
import { AWARD_STAGE_LABEL, AWARD_STAGES, type AwardStage } from '../../../main/domain/awards';
import { AWARD_DUTIES, DOCUMENT_DUTIES } from '../../../main/domain/duties';
import { formatNumber, formatRupiah, formatTanggal } from '../../../main/domain/format';
import { PdfModal } from '../documents/PdfPreview';
import { useSession } from '../session/session';
import { useApi, useApiMutation } from '../shared/api-hooks';
import { notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';
import { PageFooter } from '../shared/PageFooter';
import { FailureAlert } from './FailureAlert';
import { HandoverModal } from './HandoverModal';
import { refreshAwards } from './invalidate';
import { STAGE_COLOR } from './labels';
import { RecipientsListButton } from './RecipientsListButton';
import { CancelModal, CorrectionModal } from './StageModals';
import { useSelection } from './use-selection';

const PAGE_SIZE = 25;
type Selection = ReturnType<typeof useSelection<AwardRow>>;

/** Only awards still on their way can be chosen for approval or handover. */
const selectable = (row: AwardRow) => row.stage === 'planned' || row.stage === 'approved';

/** "Penerima": the programme's awards by stage; approve, hand over, cancel and correct from here. */
export function RecipientsTab({ program }: { program: ProgramSummary }) {
  const { can } = useSession();
  const [stage, setStage] = useState<AwardStage | null>(null);
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const selection = useSelection<AwardRow>((a) => a.id);
  const [cancelling, setCancelling] = useState<AwardRow | null>(null);
  const [correcting, setCorrecting] = useState<AwardRow | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useApi('awards.list', {
    programId: program.id,
    stage: stage ?? undefined,
    q: search,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label="Tahap"
            placeholder="Semua tahap"
            clearable
            w={180}
            data={AWARD_STAGES.map((s) => ({ value: s, label: AWARD_STAGE_LABEL[s] }))}
            value={stage}
            onChange={(v) => {
              setStage(v as AwardStage | null);
              setPage(1);
            }}
          />
          <TextInput
            label="Cari"
            placeholder="Nama, NIK, desa…"
            w={240}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Group>
        <StageActions programId={program.id} selection={selection} onFailure={setFailure} />
      </Group>
      <FailureAlert error={failure} title="Tidak disetujui" />
      <Paper withBorder>
        <Loaded query={list} label="Memuat penerima">
          {(data) =>
            data.total === 0 ? (
              <Text p="md" size="sm" c="dimmed">
                Belum ada penerima{stage ? ` pada tahap ${AWARD_STAGE_LABEL[stage].toLowerCase()}` : ''}.
              </Text>
            ) : (
              <AwardsTable
                rows={data.items}
                selection={selection}
                onCancel={can(AWARD_DUTIES.cancel) ? setCancelling : undefined}
                onCorrect={can(AWARD_DUTIES.correct) ? setCorrecting : undefined}
              />
            )
          }
        </Loaded>
      </Paper>
      <PageFooter page={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} noun="penerima" onChange={setPage} />
      <CancelModal
        award={cancelling}
        onClose={() => {
          selection.clear();
          setCancelling(null);
        }}
      />
      <CorrectionModal award={correcting} program={program} onClose={() => setCorrecting(null)} />
    </Stack>
  );
}

/** Setujui and Serah terima for the chosen awards (all in the stage the step starts from), and the daftar penerima. */
function StageActions({
  programId,
  selection,
  onFailure,
}: {
  programId: number;
  selection: Selection;
  onFailure: (error: unknown) => void;
}) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const approve = useApiMutation('awards.approve');
  const [handingOver, setHandingOver] = useState(false);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const chosen = selection.rows;
  const inStage = (s: AwardStage) => chosen.length > 0 && chosen.every((a) => a.stage === s);
  const approveChosen = async () => {
    onFailure(null);
    try {
      const { approved } = await approve.mutateAsync({ awardIds: chosen.map((a) => a.id) });
      await refreshAwards(queryClient);
      selection.clear();
      notifySuccess(`${formatNumber(approved)} bantuan disetujui.`);
    } catch (error) {
      onFailure(error);
    }
  };
  return (
    <Group gap="xs">
      {can(AWARD_DUTIES.approve) && (
        <Button onClick={approveChosen} loading={approve.isPending} disabled={!inStage('planned')}>
          Setujui ({formatNumber(chosen.length)})
        </Button>
      )}
      {can(AWARD_DUTIES.handOver) && (
        <Button onClick={() => setHandingOver(true)} disabled={!inStage('approved')}>
          Serah terima ({formatNumber(chosen.length)})
        </Button>
      )}
      {can(DOCUMENT_DUTIES.issue) && <RecipientsListButton programId={programId} />}
      <HandoverModal
        awards={chosen}
        opened={handingOver}
        onClose={() => setHandingOver(false)}
        onDone={(file) => {
          setHandingOver(false);
          selection.clear();
          notifySuccess(`${formatNumber(chosen.length)} bantuan diserahkan; BAST diterbitkan.`);
          setPdf(file);
        }}
      />
      <PdfModal file={pdf} title="Berita acara serah terima" onClose={() => setPdf(null)} />
    </Group>
  );
}

interface TableProps {
  rows: AwardRow[];
  selection: Selection;
  onCancel?: (row: AwardRow) => void;
  onCorrect?: (row: AwardRow) => void;
}

function AwardsTable({ rows, selection, onCancel, onCorrect }: TableProps) {
  const open = rows.filter(selectable);
  return (
    <Table aria-label="Penerima bantuan" striped verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <Checkbox
              aria-label="Pilih semua penerima di halaman ini"
              checked={selection.allOf(open)}
              disabled={open.length === 0}
              onChange={() => selection.togglePage(open)}
            />
          </Table.Th>
          <Table.Th>Nama pengurus</Table.Th>
          <Table.Th>Desa / kecamatan</Table.Th>
          <Table.Th>Paket</Table.Th>
          <Table.Th>Jenis usaha</Table.Th>
          <Table.Th ta="right" w={120}>
            Nilai
          </Table.Th>
          <Table.Th w={160}>Tahap</Table.Th>
          <Table.Th>BAST</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <AwardTableRow
            key={row.id}
            row={row}
            checked={selection.has(row)}
            onToggle={() => selection.toggle(row)}
            onCancel={onCancel && (() => onCancel(row))}
            onCorrect={onCorrect && (() => onCorrect(row))}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface RowProps {
  row: AwardRow;
  checked: boolean;
  onToggle: () => void;
  onCancel?: () => void;
  onCorrect?: () => void;
}

function AwardTableRow({ row, checked, onToggle, onCancel, onCorrect }: RowProps) {
  const replaced = row.correctedByAwardId !== null;
  const mayCancel = onCancel && (row.stage === 'planned' || row.stage === 'approved');
  const mayCorrect = onCorrect && row.stage === 'handed_over' && !replaced;
  return (
    <Table.Tr c={replaced || row.stage === 'cancelled' ? 'dimmed' : undefined}>
      <Table.Td>
        <Checkbox aria-label={`Pilih ${row.nama}`} checked={checked} onChange={onToggle} disabled={!selectable(row)} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/kpm/${row.kpmId}`} size="sm">
          {row.nama}
        </Anchor>
        {row.correctsAwardId && (
          <Text size="xs" c="dimmed">
            koreksi atas bantuan #{row.correctsAwardId}
          </Text>
        )}
      </Table.Td>
      <Table.Td fz="sm">
        {row.desa}, {row.kecamatan}
      </Table.Td>
      <Table.Td fz="sm">{row.packageText}</Table.Td>
      <Table.Td fz="sm">{row.businessType}</Table.Td>
      <Table.Td fz="sm" ta="right">
        {formatRupiah(row.total)}
      </Table.Td>
      <Table.Td>
        <Badge color={STAGE_COLOR[row.stage]} variant="light">
          {AWARD_STAGE_LABEL[row.stage]}
        </Badge>
        {replaced && (
          <Text size="xs" c="dimmed">
            dikoreksi
          </Text>
        )}
        {row.cancelReason && (
          <Text size="xs" c="dimmed">
            {row.cancelReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td fz="sm">
        {row.bastNumber ? (
          <>
            <Text size="sm" ff="monospace">
              {row.bastNumber}
            </Text>
            <Text size="xs" c="dimmed">
              {formatTanggal(row.handoverDate)}
            </Text>
          </>
        ) : (
          '–'
        )}
      </Table.Td>
      <Table.Td ta="right">
        {(mayCancel || mayCorrect) && (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="compact-sm" variant="default" aria-label={`Tindakan untuk ${row.nama}`}>
                ⋯
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {mayCancel && (
                <Menu.Item color="red" onClick={onCancel}>
                  Batalkan
                </Menu.Item>
              )}
              {mayCorrect && <Menu.Item onClick={onCorrect}>Koreksi</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
