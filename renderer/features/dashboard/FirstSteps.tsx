import { Anchor, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { OutputOf } from '../../../main/api/contract';
import { useApi } from '../shared/api-hooks';

type StepKey = OutputOf<'progress.firstSteps'>[number]['key'];

const STEP: Record<StepKey, { label: string; to: string; why: string }> = {
  profile: {
    label: 'Lengkapi profil kantor',
    to: '/pengaturan?tab=kantor',
    why: 'telepon, e-mail dan logo untuk kop surat',
  },
  users: { label: 'Buat akun staf kantor', to: '/pengguna', why: 'operator, verifikator dan pimpinan' },
  pendamping: { label: 'Daftarkan SDM PKH', to: '/pendamping', why: 'para pendamping beserta wilayah tugasnya' },
  import: { label: 'Impor daftar keluarga', to: '/impor', why: 'dari ekspor SIKS-NG/e-PKH atau berkas Excel kantor' },
  targets: { label: 'Tetapkan sasaran graduasi', to: '/target', why: 'target kantor dan per pendamping tahun ini' },
};

/**
 * A new office's first steps with links and which are done, on a Beranda still without families; gone once the
 * families are in or every step is done. (The link texts avoid the menu's labels, which tests and screen readers
 * look links up by.)
 */
export function FirstSteps({ year }: { year: number }) {
  const { data } = useApi('progress.firstSteps', { year });
  const empty = data?.some((step) => step.key === 'import' && !step.done);
  if (!data || !empty || data.every((step) => step.done)) return null;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="first-steps-title">
      <Title order={2} size="h4" id="first-steps-title" mb={4}>
        Langkah awal
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Selesaikan langkah berikut agar aplikasi siap dipakai. Kartu ini hilang setelah semuanya selesai.
      </Text>
      <List spacing="xs" center>
        {data.map((step) => (
          <List.Item
            key={step.key}
            aria-label={`${STEP[step.key].label}: ${step.done ? 'selesai' : 'belum'}`}
            icon={
              <ThemeIcon
                size={22}
                radius="xl"
                color={step.done ? 'teal' : 'gray'}
                variant={step.done ? 'filled' : 'light'}
              >
                <Text size="xs" fw={700} aria-hidden>
                  {step.done ? '✓' : '·'}
                </Text>
              </ThemeIcon>
            }
          >
            <Anchor component={Link} to={STEP[step.key].to} fw={500} td={step.done ? 'line-through' : undefined}>
              {STEP[step.key].label}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' '}
              — {step.done ? 'selesai' : STEP[step.key].why}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
