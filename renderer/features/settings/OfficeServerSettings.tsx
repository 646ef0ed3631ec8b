/**
 * Pengaturan > Server kantor (administrator): server mode on or off, on which address and port, the office
 * certificate's fingerprint staff compare before trusting it, and who is connected (each session can be ended).
 */
import { Alert, Badge, Button, Code, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { formatWaktu } from '../../../main/domain/format';
import { PdfModal } from '../documents/PdfPreview';
import { apiKey, useApi, useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { errorMessage, notifyError, notifySuccess } from '../shared/errors';
import { Loaded } from '../shared/Loaded';

type Status = NonNullable<OutputOf<'server.status'>>;

export function OfficeServerSettings() {
  const status = useApi('server.status', {});
  return (
    <Loaded query={status} label="Memuat pengaturan server kantor">
      {(data) =>
        data ? (
          <Stack gap="xl">
            <ServerForm status={data} />
            <ConnectedSessions />
          </Stack>
        ) : (
          <Alert color="gray">Mode server hanya tersedia pada aplikasi yang dijalankan di komputer server.</Alert>
        )
      }
    </Loaded>
  );
}

type Pending = { kind: 'start'; address: string; port: number } | { kind: 'stop' } | null;

function ServerForm({ status }: { status: Status }) {
  const queryClient = useQueryClient();
  const start = useApiMutation('server.start');
  const stop = useApiMutation('server.stop');
  const [address, setAddress] = useState(status.address);
  const [port, setPort] = useState<number | string>(status.port);
  const [pending, setPending] = useState<Pending>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const changed = address !== status.address || Number(port) !== status.port;

  const confirm = async () => {
    if (!pending) return;
    setFailure(null);
    try {
      const next =
        pending.kind === 'start'
          ? await start.mutateAsync({ address: pending.address, port: pending.port })
          : await stop.mutateAsync({});
      queryClient.setQueryData(apiKey('server.status', {}), next);
      notifySuccess(next.running ? 'Mode server aktif.' : 'Mode server dimatikan.');
    } catch (error) {
      setFailure(errorMessage(error));
    }
    setPending(null);
  };

  return (
    <Stack>
      <Group gap="sm">
        <Title order={3} size="h4">
          Server kantor
        </Title>
        {status.running ? <Badge color="green">Aktif</Badge> : <Badge color="gray">Tidak aktif</Badge>}
      </Group>
      <Text size="sm">
        Dalam mode server, komputer staf lain di jaringan kantor membuka aplikasi ini lewat peramban atau aplikasi
        desktop, masing-masing masuk dengan akunnya sendiri. Database tetap satu, di komputer ini. Biarkan aplikasi ini
        tetap terbuka selama staf bekerja.
      </Text>
      <ServingInfo status={status} />
      <Group align="flex-end">
        <Select
          label="Alamat jaringan"
          description="127.0.0.1 berarti hanya komputer ini."
          data={status.interfaces.map((i) => ({ value: i.address, label: `${i.address} (${i.name})` }))}
          value={address}
          onChange={(value) => value && setAddress(value)}
          allowDeselect={false}
          w={320}
        />
        <NumberInput
          label="Port"
          min={1024}
          max={65535}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          value={port}
          onChange={setPort}
          w={140}
        />
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      <Group justify="flex-end">
        {status.running && (
          <Button color="red" variant="light" onClick={() => setPending({ kind: 'stop' })}>
            Matikan mode server
          </Button>
        )}
        {(!status.running || changed) && (
          <Button onClick={() => setPending({ kind: 'start', address, port: Number(port) })}>
            {status.running ? 'Terapkan alamat dan port' : 'Nyalakan mode server'}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={pending !== null}
        title={pending?.kind === 'stop' ? 'Matikan mode server?' : 'Nyalakan mode server?'}
        confirmLabel={pending?.kind === 'stop' ? 'Ya, matikan' : 'Ya, nyalakan'}
        color={pending?.kind === 'stop' ? 'red' : 'blue'}
        loading={start.isPending || stop.isPending}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending?.kind === 'stop'
          ? 'Komputer staf lain tidak dapat lagi membuka aplikasi ini sampai mode server dinyalakan kembali.'
          : `Aplikasi akan dapat dibuka dari komputer lain di jaringan kantor lewat https://${pending?.kind === 'start' ? `${pending.address}:${pending.port}` : ''}/. Setiap staf masuk dengan akunnya sendiri.`}
      </ConfirmModal>
    </Stack>
  );
}

/** The address staff open (with the printable sheet) and the certificate's fingerprint. */
function ServingInfo({ status }: { status: Status }) {
  return (
    <>
      {status.running && status.url && (
        <Alert color="green" title="Alamat yang dibuka staf">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={700} size="lg" data-testid="server-url">
                {status.url}
              </Text>
              <Text size="sm">Nama komputer ini: {status.hostname}</Text>
            </div>
            <SheetButton />
          </Group>
        </Alert>
      )}
      {status.fingerprint && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Sidik jari sertifikat kantor (SHA-256)
          </Text>
          <Code block data-testid="server-fingerprint">
            {status.fingerprint}
          </Code>
          <Text size="sm" c="dimmed">
            Staf mencocokkan sidik jari ini dengan yang tampil di komputernya sebelum memasang sertifikat atau
            menyambungkan aplikasi desktop.
          </Text>
        </Stack>
      )}
    </>
  );
}

/** The A4 sheet for the staff PCs' desks (address, fingerprint, steps), previewed before printing. */
function SheetButton() {
  const print = useApiMutation('server.sheet');
  const [file, setFile] = useState<OutputOf<'server.sheet'> | null>(null);
  return (
    <>
      <Button
        variant="default"
        loading={print.isPending}
        onClick={() =>
          print.mutate({}, { onSuccess: setFile, onError: (e) => notifyError(e, 'Lembar petunjuk tidak dapat dibuat') })
        }
      >
        Cetak lembar petunjuk
      </Button>
      <PdfModal file={file} title="Lembar petunjuk server kantor" onClose={() => setFile(null)} />
    </>
  );
}

function ConnectedSessions() {
  const sessions = useApi('server.sessions', {}, { refetchInterval: 10_000 });
  const end = useApiMutation('server.endSession');
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<OutputOf<'server.sessions'>[number] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = async () => {
    if (!ending) return;
    setFailure(null);
    try {
      await end.mutateAsync({ id: ending.id });
      notifySuccess(`Sesi ${ending.fullName} diakhiri.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
    setEnding(null);
    await queryClient.invalidateQueries({ queryKey: apiKey('server.sessions') });
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        Yang sedang tersambung
      </Title>
      {failure && <Alert color="red">{failure}</Alert>}
      <Loaded query={sessions} label="Memuat daftar sesi">
        {(rows) => (
          <Table striped aria-label="Sesi yang sedang tersambung">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pengguna</Table.Th>
                <Table.Th>Komputer</Table.Th>
                <Table.Th>Masuk sejak</Table.Th>
                <Table.Th>Permintaan terakhir</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    {row.fullName}{' '}
                    <Text span c="dimmed" size="sm">
                      ({row.username})
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.address === 'lokal' ? 'komputer ini' : row.address}</Table.Td>
                  <Table.Td>{formatWaktu(row.since)}</Table.Td>
                  <Table.Td>{formatWaktu(row.lastCallAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(row)}>
                      Akhiri sesi
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loaded>
      <ConfirmModal
        opened={ending !== null}
        title="Akhiri sesi?"
        confirmLabel="Ya, akhiri sesi"
        loading={end.isPending}
        onConfirm={confirm}
        onClose={() => setEnding(null)}
      >
        {`${ending?.fullName ?? ''} (${ending?.address ?? ''}) harus masuk kembali untuk melanjutkan pekerjaannya.`}
      </ConfirmModal>
    </Stack>
  );
}
