import { Alert, Code, List, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * Browser mode opened without the server's per-start token (a bookmark, or the server was started again).
 * Shown instead of the setup wizard, which an office that is already set up must never see.
 */
export function OpenAppHelp() {
  return (
    <Paper component="main" maw={640} mx="auto" my="xl" p="xl" withBorder radius="md">
      <Stack gap="md">
        <Title order={1} size="h3">
          Buka Graduasi PKH dari alamat yang baru dicetak
        </Title>
        <Alert color="yellow" title="Alamat ini tidak dapat dipakai lagi">
          Alamat yang dibuka tidak memuat kunci akses yang berlaku. Demi keamanan, server aplikasi membuat kunci baru
          setiap kali dijalankan, sehingga alamat lama atau yang disimpan sebagai bookmark tidak berlaku lagi. Data Anda
          tetap aman.
        </Alert>
        <Title order={2} size="h5">
          Cara membuka aplikasi di peramban
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>
            Di komputer kantor, buka Terminal (Command Prompt) di folder aplikasi dan jalankan <Code>npm run web</Code>{' '}
            (jika sudah berjalan, hentikan dulu dengan Ctrl+C lalu jalankan lagi).
          </List.Item>
          <List.Item>
            Salin alamat lengkap yang dicetak, misalnya <Code>http://127.0.0.1:5180/?token=…</Code>, lalu buka di
            peramban ini.
          </List.Item>
          <List.Item>Masuk dengan nama pengguna dan kata sandi Anda seperti biasa.</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Memakai aplikasi desktop Graduasi PKH? Cukup buka aplikasinya dari menu Start atau ikon di desktop; tidak
          perlu alamat apa pun.
        </Text>
      </Stack>
    </Paper>
  );
}
