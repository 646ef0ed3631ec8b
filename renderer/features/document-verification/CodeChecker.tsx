import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useApiMutation } from '../shared/api-hooks';
import { notifyError } from '../shared/errors';
import { VerdictCard } from './VerdictCard';
import type { VerifyResult } from './verdict';

/**
 * One large input for the code: typed, pasted, or typed by a USB QR scanner (which ends with Enter). After each
 * check the input is emptied and keeps the focus, ready for the next scan; the verdict stays until then.
 */
export function CodeChecker() {
  const verify = useApiMutation('documents.verify');
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setResult(await verify.mutateAsync({ code }));
      setCode('');
    } catch (error) {
      notifyError(error, 'Kode tidak dapat diperiksa');
    }
    input.current?.focus();
  };

  return (
    <Stack gap="md">
      <form onSubmit={check}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            ref={input}
            label="Kode verifikasi"
            description="Pindai QR dengan pemindai USB, tempel, atau ketik kode di bawah QR (diawali GP1*; alamat halaman verifikasi dari QR juga bisa), lalu Enter."
            placeholder="GP1*…"
            size="xl"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            style={{ flex: 1 }}
            styles={{
              label: { fontSize: 'var(--mantine-font-size-lg)' },
              description: { fontSize: 'var(--mantine-font-size-sm)' },
              input: { fontFamily: 'var(--mantine-font-family-monospace)' },
            }}
          />
          <Button type="submit" size="xl" loading={verify.isPending}>
            Periksa
          </Button>
        </Group>
      </form>
      {result && <VerdictCard result={result} />}
    </Stack>
  );
}
