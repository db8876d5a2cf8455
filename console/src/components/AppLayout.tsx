// The signed-in frame: brand and user in the header, the permitted sections in the navbar.
import { AppShell, Avatar, Badge, Burger, Button, Group, Image, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { sections } from '../navigation';
import { notifyError } from '../notify';
import { OwnerSearchBox } from './owners/OwnerSearchBox';
import { useSession, useSignedInSession } from '../session';

export function AppLayout() {
  const { brand, principal } = useSignedInSession();
  const { can, signOut } = useSession();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const { pathname } = useLocation();

  const isActive = (path: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navbarOpened} onClick={toggleNavbar} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            {brand.logoUrl ? (
              <Image src={brand.logoUrl} alt={`${brand.name} logo`} h={36} w="auto" fit="contain" />
            ) : (
              <Avatar color="brand" radius="sm">
                {brand.name.slice(0, 2).toUpperCase()}
              </Avatar>
            )}
            <Text fw={700} size="lg" truncate>
              {brand.name}
            </Text>
            {brand.isDemo && (
              <Badge variant="light" color="gray">
                Demo
              </Badge>
            )}
          </Group>
          {can('owners:read') && <OwnerSearchBox />}
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={500}>
                {principal.label}
              </Text>
              <Text size="xs" c="dimmed" tt="capitalize">
                {principal.role}
              </Text>
            </Stack>
            <Button variant="default" size="xs" onClick={() => signOut().catch(notifyError)}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Sections">
        {sections
          .filter((section) => !section.permission || can(section.permission))
          .map((section) => (
            <NavLink
              key={section.path}
              component={Link}
              to={section.path}
              label={section.label}
              active={isActive(section.path)}
              onClick={closeNavbar}
            />
          ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
