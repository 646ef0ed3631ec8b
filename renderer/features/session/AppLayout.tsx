import { AppShell, Avatar, Group, Menu, Modal, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, Route, NavLink as RouterNavLink, Routes, useLocation } from 'react-router';
import { allowed, ROUTES } from '../../routes';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ROLE_LABEL, useLogout, useSession } from './session';

/** The frame of every page after login: office name on top, the daily work on the left. */
export function AppLayout() {
  const { user } = useSession();
  const routes = ROUTES.filter((r) => allowed(r, user.role));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigasi utama">
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Routes>
          {routes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

function Header() {
  const { user, office } = useSession();
  const logout = useLogout();
  const [passwordOpen, passwordModal] = useDisclosure(false);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Modal opened={passwordOpen} onClose={passwordModal.close} title="Ganti kata sandi">
        {passwordOpen && (
          <ChangePasswordForm oldLabel="Kata sandi lama" username={user.username} onDone={passwordModal.close} />
        )}
      </Modal>
      <Group gap="sm" wrap="nowrap">
        {office.logo && <img src={office.logo} alt="" height={36} />}
        <Stack gap={0}>
          <Title order={1} size="h4" lh={1.2}>
            {office.agencyName}
          </Title>
          <Text size="xs" c="dimmed">
            Graduasi PKH · {office.regencyName}
          </Text>
        </Stack>
      </Group>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <UnstyledButton aria-label={`Menu pengguna ${user.fullName}`}>
            <Group gap="xs" wrap="nowrap">
              <Avatar color="teal" radius="xl" size="sm">
                {user.fullName.slice(0, 1).toUpperCase()}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {user.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {ROLE_LABEL[user.role]}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Masuk sebagai {user.username}</Menu.Label>
          <Menu.Item onClick={passwordModal.open}>Ganti kata sandi</Menu.Item>
          <Menu.Item color="red" onClick={logout}>
            Keluar
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function Navigation() {
  const { user } = useSession();
  const { pathname } = useLocation();
  const items = ROUTES.filter((r) => r.navLabel && allowed(r, user.role));
  // A section is active for its sub-pages too (/kpm/12 keeps "Data KPM" lit), except Beranda.
  const isActive = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return (
    <>
      {items.map((r) => (
        <NavLink
          key={r.path}
          component={RouterNavLink}
          to={r.path}
          label={r.navLabel}
          active={isActive(r.path)}
          variant="filled"
          style={{ borderRadius: 4 }}
          mb={2}
        />
      ))}
    </>
  );
}
