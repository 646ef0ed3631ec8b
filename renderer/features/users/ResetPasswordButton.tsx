import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../main/api/contract';
import { useApiMutation } from '../shared/api-hooks';
import { ConfirmModal } from '../shared/ConfirmModal';
import { notifyError } from '../shared/errors';

type User = OutputOf<'users.list'>[number];

/** Asks, resets, then shows the temporary password once: the server keeps only its hash. */
export function ResetPasswordButton({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const reset = useApiMutation('users.resetPassword');
  const [confirmOpen, confirm] = useDisclosure(false);
  const [temporary, setTemporary] = useState<string | null>(null);

  const run = async () => {
    try {
      const result = await reset.mutateAsync({ id: user.id });
      setTemporary(result.temporaryPassword);
      await queryClient.invalidateQueries({ queryKey: ['users.list'] });
    } catch (error) {
      notifyError(error);
    } finally {
      confirm.close();
    }
  };

  return (
    <>
      <Button size="compact-sm" variant="subtle" onClick={confirm.open}>
        Atur ulang sandi
      </Button>
      <ConfirmModal
        opened={confirmOpen}
        title={`Atur ulang kata sandi ${user.username}?`}
        confirmLabel="Ya, atur ulang"
        color="blue"
        loading={reset.isPending}
        onConfirm={run}
        onClose={confirm.close}
      >
        {user.fullName} mendapat kata sandi sementara dan harus menggantinya saat masuk berikutnya. Kata sandi lamanya
        tidak berlaku lagi.
      </ConfirmModal>
      <Modal opened={temporary !== null} onClose={() => setTemporary(null)} title="Kata sandi sementara">
        <Stack>
          <Text size="sm">
            Berikan kata sandi ini kepada {user.fullName} ({user.username}). Saat masuk, aplikasi langsung meminta kata
            sandi baru.
          </Text>
          <Group gap="sm">
            <Code fz="lg">{temporary}</Code>
            <CopyButton value={temporary ?? ''}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy}>
                  {copied ? 'Tersalin' : 'Salin'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow">Kata sandi ini hanya ditampilkan sekali. Jangan kirim lewat grup percakapan.</Alert>
          <Group justify="flex-end">
            <Button onClick={() => setTemporary(null)}>Selesai</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
