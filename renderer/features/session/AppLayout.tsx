import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  Modal,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
  useMantineTheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Navigate, Route, NavLink as RouterNavLink, Routes, useLocation } from 'react-router';
import { allowed, ROUTES } from '../../routes';
import { Titled } from '../shared/page-title';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { ROLE_LABEL, useLogout, useSession } from './session';

/**
 * The frame of every page after login: office name on top, the daily work on the left. The navigation scrolls
 * on its own (17 items do not fit a 1366x690 window above the taskbar) and below 768 px (200% zoom on an office
 * screen) folds behind a menu button, so every item stays reachable.
 */
export function AppLayout() {
  const { user } = useSession();
  const routes = ROUTES.filter((r) => allowed(r, user.role));
  const [navOpen, nav] = useDisclosure(false);
  const folding = useMediaQuery(`(max-width: ${useMantineTheme().breakpoints.sm})`);
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding="md"
      >
        <AppShell.Header>
          <Header navOpen={navOpen} onToggleNav={nav.toggle} />
        </AppShell.Header>
        {/* Folded away it is only moved off the screen: inert keeps Tab from walking through hidden links. */}
        <AppShell.Navbar aria-label="Navigasi utama" inert={folding && !navOpen}>
          <AppShell.Section grow component={ScrollArea} p="xs" type="auto">
            <Navigation onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        {/* tabIndex -1: the skip link moves the focus here; min-width 0 lets wide tables scroll inside. */}
        <AppShell.Main bg="gray.0" id={MAIN_CONTENT_ID} tabIndex={-1} miw={0} style={{ outline: 'none' }}>
          <Routes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={<Titled title={r.title}>{r.element}</Titled>} />
            ))}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

function Header({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav: () => void }) {
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
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpen ? 'Tutup navigasi' : 'Buka navigasi'}
          aria-expanded={navOpen}
        />
        {office.logo && <img src={office.logo} alt="" height={36} />}
        <Stack gap={0} miw={0}>
          <Title order={1} size="h4" lh={1.2} lineClamp={1}>
            {office.agencyName}
          </Title>
          <Text size="xs" c="dimmed" truncate>
            Graduasi PKH · {office.regencyName}
          </Text>
        </Stack>
      </Group>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          {/* The name holds the visible text (WCAG 2.5.3), so speech input finds the button by what it shows. */}
          <UnstyledButton aria-label={`Menu pengguna ${user.fullName} ${ROLE_LABEL[user.role]}`}>
            <Group gap="xs" wrap="nowrap">
              {/* An icon, not the initial, and a space between the lines: the visible words are the name's words. */}
              <Avatar color="teal" radius="xl" size="sm" aria-hidden />
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {user.fullName}
                </Text>{' '}
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

function Navigation({ onNavigate }: { onNavigate: () => void }) {
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
          onClick={onNavigate}
        />
      ))}
    </>
  );
}
