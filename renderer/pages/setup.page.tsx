import { Container, Paper, Text, Title } from '@mantine/core';
import { SetupWizard } from '../features/setup/SetupWizard';

export function SetupPage() {
  return (
    <Container size={760} py="xl">
      <Title order={1} size="h2">
        Penyiapan aplikasi Graduasi PKH
      </Title>
      <Text c="dimmed" mb="lg">
        Langkah ini dilakukan sekali saja: isi profil kantor, lalu buat akun administrator pertama.
      </Text>
      <Paper withBorder shadow="xs" p="lg" radius="md">
        <SetupWizard />
      </Paper>
    </Container>
  );
}
