import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import type { Choice, DuplicateItem, DuplicateKind } from '../../../main/api/import.contract';
import { formatNumber } from '../../../main/domain/format';
import { call } from '../../api';
import { errorMessage } from '../shared/errors';
import { CHOICE_LABEL, choiceHelp, DUPLICATE_KIND, DUPLICATE_ORDER } from './labels';
import type { ImportJobApi } from './use-import-job';

type ImportReport = OutputOf<'import.report'>;

const PAGE_SIZE = 10;

interface Props {
  job: ImportJobApi;
  report: ImportReport;
}

/** Families found twice (in the file or already registered): one choice per kind, and per row where needed. */
export function DuplicatesPanel({ job, report }: Props) {
  const [page, setPage] = useState(1);
  const [pendingDefault, setPendingDefault] = useState<{ kind: DuplicateKind; value: string } | null>(null);
  const input = { jobId: report.jobId, page, pageSize: PAGE_SIZE, kind: null };
  const list = useQuery({
    queryKey: ['import.duplicates', report.planId, input],
    queryFn: () => call('import.duplicates', input),
    placeholderData: keepPreviousData,
    enabled: report.duplicatesTotal > 0,
  });
  if (report.duplicatesTotal === 0) return null;
  const kinds = DUPLICATE_ORDER.filter((k) => report.duplicateCounts.some((c) => c.kind === k));
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const busy = job.state.choosing;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="import-duplicates-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="import-duplicates-title">
            Data ganda ({formatNumber(report.duplicatesTotal)})
          </Title>
          <Text size="sm" c="dimmed">
            Pilih yang dilakukan untuk setiap jenis; pilihan itu berlaku untuk semua barisnya. Sesudahnya pilihan per
            baris di tabel dapat diubah satu per satu.
          </Text>
        </div>
        {kinds.map((kind) => {
          const spec = DUPLICATE_KIND[kind];
          const count = report.duplicateCounts.find((c) => c.kind === kind)?.count ?? 0;
          const value =
            busy && pendingDefault?.kind === kind ? pendingDefault.value : report.choices.defaults[spec.defaultsKey];
          return (
            <Group key={kind} justify="space-between" wrap="nowrap" align="center">
              <div>
                <Text fw={500}>
                  {spec.title}: {formatNumber(count)} baris
                </Text>
                <Text size="sm" c="dimmed">
                  {spec.description} {choiceHelp(kind)}
                </Text>
              </div>
              <SegmentedControl
                aria-label={`Pilihan untuk ${spec.title}`}
                value={value}
                disabled={busy}
                onChange={(v) => {
                  setPendingDefault({ kind, value: v });
                  job.choose({ defaults: { [spec.defaultsKey]: v } });
                }}
                data={Object.keys(spec.choices).map((choice) => ({
                  value: choice,
                  label: `${CHOICE_LABEL[choice as Choice]} semua`,
                }))}
                style={{ flexShrink: 0 }}
              />
            </Group>
          );
        })}

        {list.error ? (
          <Alert color="red">{errorMessage(list.error)}</Alert>
        ) : (
          list.data && (
            <Table layout="fixed" fz="sm" aria-label="Daftar data ganda">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Baris</Table.Th>
                  <Table.Th w="24%">Sama dengan</Table.Th>
                  <Table.Th w="22%">Kunci</Table.Th>
                  <Table.Th>Yang berbeda (terdaftar atau baris sebelumnya → berkas)</Table.Th>
                  <Table.Th w={170}>Pilihan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <DuplicateRow
                    key={d.row}
                    item={d}
                    overridden={report.choices.overrides[String(d.row)] !== undefined}
                    disabled={busy}
                    onChoose={(choice) => job.choose({ overrides: { [String(d.row)]: choice } })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )
        )}
        {pages > 1 && (
          <Group justify="flex-end">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DuplicateRow({
  item,
  overridden,
  disabled,
  onChoose,
}: {
  item: DuplicateItem;
  overridden: boolean;
  disabled: boolean;
  onChoose: (choice: Choice) => void;
}) {
  const spec = DUPLICATE_KIND[item.kind];
  return (
    <Table.Tr>
      <Table.Td>{item.row}</Table.Td>
      <Table.Td>
        {item.existing ? (
          <Anchor component={Link} to={`/kpm/${item.existing.id}`} size="sm">
            {item.existing.nama} ({item.existing.idKpm ? `ID KPM ${item.existing.idKpm}` : 'tanpa ID KPM'})
          </Anchor>
        ) : (
          `baris ${item.otherRows.join(', ')} di berkas`
        )}
      </Table.Td>
      <Table.Td>
        {item.key}{' '}
        <Text span ff="monospace" size="sm">
          {item.value}
        </Text>
      </Table.Td>
      <Table.Td>
        <Differences item={item} />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Pilihan untuk baris ${item.row}`}
          data={item.allowed.map((c) => ({ value: c, label: CHOICE_LABEL[c] }))}
          title={item.allowed.map((c) => `${CHOICE_LABEL[c]}: ${spec.choices[c] ?? ''}`).join('\n')}
          value={item.choice}
          onChange={(v) => v && v !== item.choice && onChoose(v as Choice)}
          allowDeselect={false}
          disabled={disabled}
          size="xs"
          description={overridden ? 'dipilih untuk baris ini' : undefined}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** Each value that differs: the registered (or earlier row's) value struck through, then the file's. */
function Differences({ item }: { item: DuplicateItem }) {
  if (item.differences.length === 0) return <>–</>;
  return (
    <Stack gap={2}>
      {item.differences.map((d) => (
        <Text key={d.label} size="sm" aria-label={`${d.label}: ${d.registered} menjadi ${d.file}`}>
          <b>{d.label}</b>:{' '}
          <Text span size="sm" c="dimmed" td="line-through">
            {d.registered}
          </Text>{' '}
          → {d.file}
        </Text>
      ))}
    </Stack>
  );
}

/** Pendamping named in the file but not registered: create them with the import, or leave families without. */
export function UnknownPendampingPanel({ job, report }: Props) {
  const unknown = report.unknownPendamping;
  // While the server recomputes the plan, show the box as the user left it.
  const [pending, setPending] = useState<string[] | null>(null);
  if (unknown.length === 0) return null;
  const busy = job.state.choosing;
  const chosen = new Set(busy && pending ? pending : report.choices.createPendamping);
  const set = (keys: string[]) => {
    setPending(keys);
    job.choose({ createPendamping: keys });
  };
  const toggle = (key: string, on: boolean) => set(on ? [...chosen, key] : [...chosen].filter((k) => k !== key));
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="import-pendamping-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="import-pendamping-title">
              Pendamping tidak terdaftar ({formatNumber(unknown.length)})
            </Title>
            <Text size="sm" c="dimmed">
              Nama pendamping ini tidak ada di daftar Pendamping. Centang untuk membuat pendamping baru bersama impor;
              bila tidak dicentang, keluarganya disimpan tanpa pendamping dan dapat diatur kemudian.
            </Text>
          </div>
          {unknown.length > 1 && (
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={busy}
              onClick={() => set(chosen.size === unknown.length ? [] : unknown.map((u) => u.key))}
            >
              {chosen.size === unknown.length ? 'Hapus semua centang' : 'Centang semua'}
            </Button>
          )}
        </Group>
        <Stack gap={6}>
          {unknown.map((u) => (
            <Checkbox
              key={u.key}
              checked={chosen.has(u.key)}
              disabled={busy}
              onChange={(e) => toggle(u.key, e.currentTarget.checked)}
              label={
                <>
                  Buat pendamping baru <b>{u.name}</b>
                </>
              }
              description={`${formatNumber(u.families)} keluarga (baris ${rowList(u.rows, u.families)})`}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function rowList(rows: number[], families: number): string {
  const shown = rows.slice(0, 8);
  const rest = families - shown.length;
  return rest > 0 ? `${shown.join(', ')}, dan ${formatNumber(rest)} lainnya` : shown.join(', ');
}
